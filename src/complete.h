/* complete.h — tab completion at the REPL: names, and attributes after a
   dot.

   What a Tab completes is worked out the way CPython's rlcompleter does:

     text "pri"         the keywords, the names of the REPL's globals and
                        the builtins that start with "pri"; a callable gets
                        "(" appended, a keyword a space (or ':' for try and
                        finally);
     text "os.pa"       a dotted name before the last dot is looked up
                        (globals, then builtins, then getattr for each
                        part) and the names of dir(value) that start with
                        "pa" are offered, as "os.path" ...; with nothing
                        after the dot, names starting with '_' are left
                        out, and after "._" those starting with "__";
     nothing, at the    a Tab is inserted, to indent a block.
     start of a line

   Unlike rlcompleter, the dotted part is never given to eval(): only
   names and attribute lookups are done (a property's getter is not run;
   other attributes may run __getattr__, as rlcompleter's getattr does).

   CPython counterpart: Lib/rlcompleter.py. */
#ifndef MP_COMPLETE_H
#define MP_COMPLETE_H

#include "object.h"

/* The namespace names are completed from (the REPL's globals).
   Refs: globals BORROWED (the caller keeps it alive while the REPL runs;
   NULL forgets it). */
void MpComplete_SetNamespace(MpObject *globals);

/* The completions of text (UTF-8), sorted, without duplicates: a list of
   str.  Errors raised while looking things up are cleared and mean "no
   completion" (a Tab must never print a traceback).
   Refs: NEW; NULL only on MemoryError (exception set). */
MpObject *MpComplete_Matches(const char *text);

/* Hooks the completer into libedit (word break characters, the attempted
   completion function).  Called once before rl_initialize. */
void MpComplete_Install(void);

#endif
