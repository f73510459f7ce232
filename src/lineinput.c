/* lineinput.c — reading the REPL's lines (see lineinput.h).

   Two readers:

     terminal   libedit through its readline-compatible interface, driven
                in callback mode: pselect(2) waits for a key, then
                rl_callback_read_char() lets libedit handle it.  The wait
                is ours, not libedit's, so that Ctrl-C can be noticed: the
                SIGINT handler (signals.c) only sets mp_signal_pending, and
                pselect() returns EINTR (SIGINT is blocked everywhere else
                in the loop, so none is missed).  The half-typed line is then thrown away, the
                terminal restored, and MP_LINE_INTERRUPT returned; the REPL
                prints "KeyboardInterrupt" as CPython does.  This is the
                shape of CPython's readline_until_enter_or_signal.

     plain      the prompt to stderr (stdout flushed first), then
                getline(3).  A Ctrl-C during the read interrupts it
                (EINTR) and is reported the same way.

   History lives in ~/.minipy_history (libedit's own file format), read
   at start, written at exit, at most HISTORY_LENGTH entries.

   CPython counterpart: Parser/myreadline.c, Modules/readline.c.
   Read first: MpLineInput_Read */
#include "lineinput.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/select.h>
#include <unistd.h>

#include <editline/readline.h>

#include "complete.h"
#include "signals.h"

/* Entries kept in the history file: the default of GNU readline's
   history-size is unlimited, CPython's site.py sets none; a thousand
   lines is a few days of use and keeps start-up quick. */
#define HISTORY_LENGTH 1000

static int use_libedit;      // stdin and stdout are terminals
static int started;
static char *history_path;   // malloc'd, or NULL: no history file

/* {====== The terminal reader ====== */

static char *tty_line;       // what the callback handed over
static int tty_done;         // the callback ran (a line, or EOF)
static int tty_eof;          // Ctrl-D on an empty line (or a hang-up)
static int tty_fresh;        // no key read yet for this line (libedit's
                             // rl_end still tells of the previous line)

/* libedit's input function.  Ctrl-D on an empty line is end of input;
   libedit would echo it as "^D" before giving up, where GNU readline (and
   so CPython) shows nothing, so it is taken here: the flag is set and a
   carriage return handed on, which ends the (empty) line and moves to the
   next one, as CPython's output does. */
static int
tty_getc(FILE *unused)
{
    unsigned char c;
    for (;;) {
        ssize_t n = read(STDIN_FILENO, &c, 1);
        if (n == 1) {
            break;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        tty_eof = 1;  // the terminal went away
        return '\r';
    }
    if (c == 4 && (tty_fresh || rl_end == 0)) {  // 4: Ctrl-D, EOF key
        tty_eof = 1;
        return '\r';
    }
    tty_fresh = 0;
    if (c < 0x80) {
        return c;
    }
    /* libedit takes what this function returns as a whole character (a
       wchar_t), so a UTF-8 sequence is decoded here; a malformed one is
       given as its first byte (the byte that broke it is dropped). */
    int need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    int cp = need == 3 ? c & 0x07 : need == 2 ? c & 0x0F : c & 0x1F;
    for (int i = 0; i < need; i++) {
        unsigned char b;
        if (read(STDIN_FILENO, &b, 1) != 1 || (b & 0xC0) != 0x80) {
            return c;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    return need ? cp : c;
}

static void
on_line(char *line)
{
    tty_line = line;
    tty_done = 1;
    /* Removed here, as CPython does, so that libedit leaves the terminal
       before the statement runs and prints. */
    rl_callback_handler_remove();
}

static MpLineStatus
tty_read(const char *prompt, char **line)
{
    tty_line = NULL;
    tty_done = 0;
    tty_eof = 0;
    tty_fresh = 1;
    /* SIGINT is blocked from the look at the flag until pselect() waits
       (which unblocks it), so that a Ctrl-C cannot slip in between and go
       unnoticed until the next statement runs.  It is not blocked while
       libedit handles a key: a completion may run Python code (a
       __getattr__), which Ctrl-C must be able to interrupt. */
    sigset_t block, saved;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    MpLineStatus status = MP_LINE_OK;
    rl_callback_handler_install(prompt, on_line);
    while (!tty_done) {
        sigprocmask(SIG_BLOCK, &block, &saved);
        if (mp_signal_pending) {
            sigprocmask(SIG_SETMASK, &saved, NULL);
            mp_signal_pending = 0;
            /* Drop the half-typed line and give the terminal back. */
            rl_replace_line("", 0);
            rl_callback_handler_remove();
            fputc('\n', stdout);
            fflush(stdout);
            status = MP_LINE_INTERRUPT;
            break;
        }
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(STDIN_FILENO, &fds);
        int r = pselect(STDIN_FILENO + 1, &fds, NULL, NULL, NULL, &saved);
        int err = errno;
        sigprocmask(SIG_SETMASK, &saved, NULL);
        if (r < 0) {
            if (err == EINTR) {
                continue;  // Ctrl-C (seen above), or SIGWINCH
            }
            rl_callback_handler_remove();
            errno = err;
            status = MP_LINE_ERROR;
            break;
        }
        rl_callback_read_char();
    }
    if (status != MP_LINE_OK) {
        return status;
    }
    if (tty_eof || tty_line == NULL) {
        free(tty_line);
        return MP_LINE_EOF;
    }
    const char *s = tty_line;
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    if (*s != '\0') {
        add_history(tty_line);
    }
    *line = tty_line;
    return MP_LINE_OK;
}
/* }====== */

/* {====== The plain reader ====== */

static MpLineStatus
plain_read(const char *prompt, char **line)
{
    if (mp_signal_pending) {
        /* a Ctrl-C that came after the last statement's last check */
        mp_signal_pending = 0;
        return MP_LINE_INTERRUPT;
    }
    fputs(prompt, stderr);
    fflush(stderr);
    char *buf = NULL;
    size_t cap = 0;
    errno = 0;
    ssize_t n = getline(&buf, &cap, stdin);
    if (n < 0) {
        int saved = errno;
        free(buf);
        if (saved == EINTR && mp_signal_pending) {
            clearerr(stdin);
            mp_signal_pending = 0;
            fputc('\n', stderr);
            return MP_LINE_INTERRUPT;
        }
        if (ferror(stdin)) {
            errno = saved;
            return MP_LINE_ERROR;
        }
        /* End of input: CPython ends the prompt's line on stderr. */
        fputc('\n', stderr);
        fflush(stderr);
        return MP_LINE_EOF;
    }
    if (n > 0 && buf[n - 1] == '\n') {
        buf[n - 1] = '\0';
    }
    *line = buf;
    return MP_LINE_OK;
}
/* }====== */

int
MpLineInput_Start(void)
{
    if (started) {
        return 0;
    }
    started = 1;
    use_libedit = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
    if (!use_libedit) {
        return 0;
    }
    /* libedit decodes keys by the locale's character set; in the "C"
       locale every non-ASCII key is dropped.  CPython, too, takes
       LC_CTYPE from the environment at start-up.  Only LC_CTYPE: number
       formatting stays in the "C" locale.  Keys reach libedit through
       tty_getc, which decodes UTF-8 itself. */
    const char *loc = setlocale(LC_CTYPE, "");
    if (loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0) {
        /* CPython's locale coercion (PEP 538): C becomes C.UTF-8 */
        setlocale(LC_CTYPE, "C.UTF-8");
    }
    rl_readline_name = "minipy";
    rl_catch_signals = 0;  // Ctrl-C is ours (see the top of the file)
    rl_getc_function = tty_getc;
    rl_instream = stdin;
    rl_outstream = stdout;
    MpComplete_Install();
    rl_initialize();
    using_history();
    stifle_history(HISTORY_LENGTH);
    const char *home = getenv("HOME");
    if (home != NULL && home[0] != '\0') {
        size_t n = strlen(home) + sizeof "/.minipy_history";
        history_path = malloc(n);
        if (history_path != NULL) {
            snprintf(history_path, n, "%s/.minipy_history", home);
            read_history(history_path);  // a missing file is no error
        }
    }
    return 0;
}

MpLineStatus
MpLineInput_Read(const char *prompt, char **line)
{
    *line = NULL;
    fflush(stdout);
    return use_libedit ? tty_read(prompt, line) : plain_read(prompt, line);
}

int
MpLineInput_IsTerminal(void)
{
    return use_libedit;
}

void
MpLineInput_Stop(void)
{
    if (!started) {
        return;
    }
    started = 0;
    if (use_libedit && history_path != NULL) {
        write_history(history_path);
    }
    free(history_path);
    history_path = NULL;
    if (use_libedit) {
        clear_history();
    }
}
