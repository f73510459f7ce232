/* lineinput.h — reading the REPL's lines: libedit at a terminal, plain
   stdio otherwise.

   At a terminal (stdin and stdout both ttys, as CPython decides) lines are
   read with libedit's readline-compatible interface: line editing, history
   kept in ~/.minipy_history, and tab completion (complete.h).  Otherwise a
   line is read with getline(3) after the prompt has been written to
   stderr, as CPython's PyOS_StdioReadline does, so piped output holds no
   escape codes and stdout holds the program's output only.

   CPython counterpart: Parser/myreadline.c (PyOS_Readline,
   PyOS_StdioReadline) and Modules/readline.c (call_readline). */
#ifndef MP_LINEINPUT_H
#define MP_LINEINPUT_H

typedef enum {
    MP_LINE_OK,         // *line holds a line
    MP_LINE_EOF,        // end of input (Ctrl-D on an empty line)
    MP_LINE_INTERRUPT,  // Ctrl-C while the line was being typed
    MP_LINE_ERROR,      // a read error (errno set) or out of memory
} MpLineStatus;

/* Prepares line input for a REPL on stdin: decides whether libedit is
   used, and if so loads the history file and installs the completer.
   Returns 0 (it cannot fail; without libedit the plain reader is used). */
int MpLineInput_Start(void);

/* Shows prompt (UTF-8) and reads one line.  On MP_LINE_OK, *line is a
   malloc'd NUL-terminated line without its '\n' (the caller frees it); a
   line the user typed at a terminal is added to the history unless it is
   blank.  stdout is flushed first, so output and prompts interleave as the
   user saw them. */
MpLineStatus MpLineInput_Read(const char *prompt, char **line);

/* Whether lines come from libedit (a terminal). */
int MpLineInput_IsTerminal(void);

/* Saves the history to ~/.minipy_history (at a terminal) and restores the
   terminal.  Safe to call when MpLineInput_Start was not. */
void MpLineInput_Stop(void);

#endif
