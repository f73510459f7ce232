/* ptydrive.c — drives a program through a pseudo-terminal, as a user at a
   keyboard would, for the REPL's terminal tests (tests/run_pty.sh).

   Usage: ptydrive SCRIPT PROGRAM [ARG]...

   PROGRAM runs on the slave side of a new pty (80x24), as the session
   leader with the pty as its controlling terminal, so that Ctrl-C typed
   into it is turned into SIGINT by the terminal driver, exactly as at a
   real terminal.  SCRIPT is read line by line:

     send TEXT      types TEXT; C escapes are understood: \r (Enter),
                    \t (Tab), \003 (Ctrl-C), \004 (Ctrl-D), \x1b (Esc),
                    \\ and any \ooo octal or \xHH byte
     expect TEXT    waits (up to 5 seconds) until TEXT (same escapes)
                    appears in what the program printed after the end of
                    the previous match; fails otherwise
     reject TEXT    fails if TEXT appears in what is left unmatched so far
     sleep MS       waits MS milliseconds, reading output meanwhile
     status N       waits (up to 5 seconds) for the program to end, and
                    fails unless its exit status is N
     # ...          a comment; blank lines are ignored

   What is matched is the program's output with terminal control
   sequences taken out (ESC [ ... final byte, ESC and one character),
   and with carriage returns and BELs dropped, so that "expect" sees the
   text a screen would show, in the order it was written.

   On failure, prints what was expected and the output seen, and exits 1;
   at the end of the script the program is killed if it still runs.
   Exit status 0 when every step passed. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TIMEOUT_MS 5000

static int master = -1;
static pid_t child = -1;
static int child_status = -1;  // set once reaped

/* The cleaned output: everything seen, and how much "expect" consumed. */
static char *seen;
static size_t seen_len, seen_cap, consumed;

/* Escape-sequence filter state across reads. */
static enum { PLAIN, ESC, CSI } filter_state = PLAIN;

static void
keep(char c)
{
    if (seen_len + 2 > seen_cap) {
        seen_cap = seen_cap ? seen_cap * 2 : 4096;
        seen = realloc(seen, seen_cap);
        if (seen == NULL) {
            perror("ptydrive");
            exit(2);
        }
    }
    seen[seen_len++] = c;
    seen[seen_len] = '\0';
}

static void
filter(const char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)buf[i];
        switch (filter_state) {
        case PLAIN:
            if (c == 0x1b) {
                filter_state = ESC;
            } else if (c != '\r' && c != '\a' && c != '\0') {
                keep((char)c);
            }
            break;
        case ESC:
            filter_state = c == '[' ? CSI : PLAIN;
            break;
        case CSI:
            if (c >= 0x40 && c <= 0x7e) {
                filter_state = PLAIN;  // the final byte
            }
            break;
        }
    }
}

static long
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Reads what the program writes for up to ms milliseconds (0: only what
   is there).  Returns 0, or -1 when the pty is closed (program gone). */
static int
pump(int ms)
{
    long end = now_ms() + ms;
    for (;;) {
        long left = end - now_ms();
        struct pollfd p = {master, POLLIN, 0};
        int r = poll(&p, 1, left > 0 ? (int)left : 0);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            return 0;
        }
        char buf[4096];
        ssize_t n = read(master, buf, sizeof buf);
        if (n <= 0) {
            return -1;  // EIO: the slave side is closed
        }
        filter(buf, (size_t)n);
    }
}

/* Decodes the escapes of TEXT in place.  Returns the decoded length. */
static size_t
unescape(char *s)
{
    char *out = s;
    for (char *p = s; *p; p++) {
        if (*p != '\\' || p[1] == '\0') {
            *out++ = *p;
            continue;
        }
        p++;
        switch (*p) {
        case 'r': *out++ = '\r'; break;
        case 'n': *out++ = '\n'; break;
        case 't': *out++ = '\t'; break;
        case '\\': *out++ = '\\'; break;
        case 'x': {
            unsigned v = 0;
            int k = 0;
            while (k < 2 && ((p[1] >= '0' && p[1] <= '9') ||
                             (p[1] >= 'a' && p[1] <= 'f') ||
                             (p[1] >= 'A' && p[1] <= 'F'))) {
                p++;
                k++;
                v = v * 16 + (unsigned)(*p <= '9' ? *p - '0'
                                                  : (*p | 0x20) - 'a' + 10);
            }
            *out++ = (char)v;
            break;
        }
        default:
            if (*p >= '0' && *p <= '7') {
                unsigned v = 0;
                int k = 0;
                while (k < 3 && *p >= '0' && *p <= '7') {
                    v = v * 8 + (unsigned)(*p - '0');
                    p++;
                    k++;
                }
                p--;
                *out++ = (char)v;
            } else {
                *out++ = *p;
            }
        }
    }
    *out = '\0';
    return (size_t)(out - s);
}

static void
show_seen(void)
{
    fprintf(stderr, "---- output so far (control sequences removed):\n%s\n"
                    "----\n",
            seen ? seen : "");
}

static int
reap(int wait_ms)
{
    long end = now_ms() + wait_ms;
    while (child_status < 0) {
        int st;
        pid_t r = waitpid(child, &st, WNOHANG);
        if (r == child) {
            child_status = WIFEXITED(st) ? WEXITSTATUS(st)
                                         : 128 + WTERMSIG(st);
            break;
        }
        if (now_ms() >= end) {
            return -1;
        }
        pump(20);
    }
    return 0;
}

int
main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: ptydrive SCRIPT PROGRAM [ARG]...\n");
        return 2;
    }
    FILE *script = fopen(argv[1], "r");
    if (script == NULL) {
        perror(argv[1]);
        return 2;
    }
    struct winsize ws = {24, 80, 0, 0};
    child = forkpty(&master, NULL, NULL, &ws);
    if (child < 0) {
        perror("forkpty");
        return 2;
    }
    if (child == 0) {
        signal(SIGINT, SIG_DFL);
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    char line[4096];
    int lineno = 0, failed = 0;
    while (!failed && fgets(line, sizeof line, script) != NULL) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0') {
            continue;
        }
        char *arg = strchr(line, ' ');
        arg = arg ? arg + 1 : line + strlen(line);
        if (strncmp(line, "send ", 5) == 0) {
            size_t n = unescape(arg);
            pump(0);
            if (write(master, arg, n) != (ssize_t)n) {
                perror("write");
                failed = 1;
            }
        } else if (strncmp(line, "expect ", 7) == 0 ||
                   strncmp(line, "reject ", 7) == 0) {
            int want = line[0] == 'e';
            unescape(arg);
            long end = now_ms() + (want ? TIMEOUT_MS : 0);
            char *hit = NULL;
            for (;;) {
                int closed = pump(want ? 20 : 0) < 0;
                hit = seen ? strstr(seen + consumed, arg) : NULL;
                if (hit || !want || closed || now_ms() >= end) {
                    break;
                }
            }
            if (want && hit) {
                consumed = (size_t)(hit - seen) + strlen(arg);
            } else if (want || hit) {
                fprintf(stderr, "line %d: %s \"%s\"%s\n", lineno,
                        want ? "expected" : "did not expect", arg,
                        want ? ", not seen" : ", but it is there");
                show_seen();
                failed = 1;
            }
        } else if (strncmp(line, "sleep ", 6) == 0) {
            pump(atoi(arg));
        } else if (strncmp(line, "status ", 7) == 0) {
            if (reap(TIMEOUT_MS) < 0) {
                fprintf(stderr, "line %d: the program did not end\n",
                        lineno);
                show_seen();
                failed = 1;
            } else if (child_status != atoi(arg)) {
                fprintf(stderr, "line %d: exit status %d, expected %s\n",
                        lineno, child_status, arg);
                show_seen();
                failed = 1;
            }
        } else {
            fprintf(stderr, "%s:%d: unknown step: %s\n", argv[1], lineno,
                    line);
            failed = 1;
        }
    }
    fclose(script);
    if (child_status < 0) {
        kill(child, SIGKILL);
        waitpid(child, NULL, 0);
    }
    close(master);
    free(seen);
    return failed;
}
