#include "object.h"
MpObject *MpStructModule_Create(void);
MpObject *MpStructModule_Create(void) { return NULL; }
