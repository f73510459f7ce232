/* main.c — the command line: `minipy [option] ... [-c cmd | -m mod | file
   | -] [arg] ...`.

   This file turns argv into a run configuration the way CPython's
   Python/getopt.c and Python/initconfig.c do, then acts on it.  The option
   rules are CPython's:

     - short options may be grouped (`-iq`); an option that takes an
       argument (-c, -m, -W, -X) takes the rest of its word or else the next
       word (`-cprint(1)` and `-c 'print(1)'` are the same);
     - `-c cmd` and `-m mod` end the option list: every word after them goes
       to sys.argv, even one that starts with a dash;
     - the first word that does not start with a dash, or a lone `-` (the
       program comes from stdin), or `--` ends the option list as well;
     - `-h` prints the help and exits at once; `-V` is remembered and acted
       on after the whole option list has been read;
     - `-X opt` is stored and, when minipy does not know opt, ignored, as
       CPython ignores unknown -X options.

   Two long options are minipy's own front-end tools, and end the option
   list like -c does:

     --parse-only FILE...   parse each file, print the SyntaxError report
                            of each one that fails, exit 1 if any failed
     --dump-ast FILE        print the tree as ast.dump(ast.parse(src),
                            indent=2) prints it (the parser's test oracle)

   Running a program parses it (a SyntaxError is reported exactly as
   CPython reports it: `File "/abs/x.py", line N`, the line, the carets, the
   message; exit status 1).  The engine that would run the tree does not
   exist yet, so a program that parses ends with a "cannot run programs yet"
   line and exit status 3, which no Python program produces on its own
   account by accident in the test suite.

   Source is read as bytes and handed to the front end with its length: the
   front end does the decoding (BOM, coding cookie), as CPython's tokenizer
   does.  The tree, and the decoded text a SyntaxError report quotes, live
   in an arena freed in one go.

   CPython counterpart: Modules/main.c (pymain_run_python, pymain_run_file)
   and the option parser in Python/getopt.c.

   Read first: main */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "ast.h"
#include "builtins.h"
#include "import.h"
#include "parse.h"
#include "runtime.h"

#define MP_VERSION "0.1.0"
#define MP_PYTHON_VERSION "3.11"

/* Exit statuses, CPython's where CPython has one. */
enum {
    EXIT_OK = 0,
    EXIT_ERROR = 1,      // an uncaught exception (here: a SyntaxError)
    EXIT_USAGE = 2,      // bad command line, or a script that cannot be read
    EXIT_NOT_YET = 3,    // the program parsed, but there is no engine yet
};

/* {====== The configuration ====== */

typedef enum {
    ACTION_RUN,          // run a script, -c, -m, stdin or the REPL
    ACTION_PARSE_ONLY,   // --parse-only FILE...
    ACTION_DUMP_AST,     // --dump-ast FILE
} Action;

/* What the command line asked for.  Every string points into argv, which
   lives as long as the process. */
typedef struct {
    Action cf_action;
    const char *cf_command;  // -c: the program text, or NULL
    const char *cf_module;   // -m: the module name, or NULL
    const char *cf_script;   // the script path, "-" for stdin, or NULL
    int cf_inspect;          // -i: enter the REPL after the program
    int cf_quiet;            // -q: no banner
    int cf_skip_first_line;  // -x
    int cf_version;          // -V, counted (-VV prints more)
    /* -X and -W options in order; each array has room for argc entries,
       which bounds their number. */
    const char **cf_xoptions;
    int cf_nxoptions;
    const char **cf_warnoptions;
    int cf_nwarnoptions;
    /* sys.argv for a program, or the file list of --parse-only and
       --dump-ast: argv[cf_rest..argc). */
    int cf_rest;
    int cf_argc;
    char **cf_argv;
} Config;

/* }====== */

/* {====== Usage and help ====== */

static const char usage_line[] =
    "usage: minipy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

/* Reports a command-line error as CPython does: the complaint, the usage
   line, the hint; the caller exits with EXIT_USAGE. */
static int
usage_error(const char *fmt, const char *what)
{
    fprintf(stderr, fmt, what);
    fputc('\n', stderr);
    fputs(usage_line, stderr);
    fputs("Try `minipy -h' for more information.\n", stderr);
    return EXIT_USAGE;
}

static void
print_help(void)
{
    fputs(usage_line, stdout);
    fputs(
        "Options:\n"
        "-c cmd : program passed in as string (terminates option list)\n"
        "-h     : print this help message and exit (also -? or --help)\n"
        "-i     : inspect interactively after running script\n"
        "-q     : don't print version and copyright messages on "
        "interactive startup\n"
        "-m mod : run library module as a script (terminates option list)\n"
        "-V     : print the version number and exit (also --version)\n"
        "-W arg : warning control (accepted; not acted on yet)\n"
        "-x     : skip first line of source, allowing use of non-Unix "
        "forms of #!cmd\n"
        "-X opt : set implementation-specific option (unknown ones are "
        "ignored)\n"
        "-b -B -d -E -I -O -OO -P -R -s -S -t -u -v : accepted for "
        "compatibility\n"
        "         with CPython; they do not change anything yet\n"
        "Front-end tools (minipy only; each ends the option list):\n"
        "--parse-only file ... : parse each file; print the SyntaxError "
        "of each one\n"
        "         that fails; exit status 1 if any failed, else 0\n"
        "--dump-ast file : print the syntax tree as CPython's\n"
        "         ast.dump(ast.parse(source), indent=2) prints it\n"
        "Arguments:\n"
        "file   : program read from script file\n"
        "-      : program read from stdin (default; interactive mode if a "
        "tty)\n"
        "arg ...: arguments passed to program in sys.argv[1:]\n",
        stdout);
}

static void
print_version(int level)
{
    printf("minipy " MP_VERSION " (Python " MP_PYTHON_VERSION ")\n");
    if (level > 1) {
#ifdef __VERSION__
        printf("built with C compiler " __VERSION__ "\n");
#endif
    }
}

/* The REPL's banner, minipy's version of CPython's two lines
   ("Python 3.11.7 (main, ...) [GCC 12.2.0] on linux" and the hint). */
#if defined(__clang__)
#define MP_COMPILER "[Clang " __clang_version__ "]"
#elif defined(__GNUC__)
#define MP_COMPILER "[GCC " __VERSION__ "]"
#else
#define MP_COMPILER "[unknown C compiler]"
#endif
static const char banner[] =
    "minipy " MP_VERSION " (Python " MP_PYTHON_VERSION ") " MP_COMPILER
    " on linux\n"
    "Type \"exit()\" or Ctrl-D (i.e. EOF) to leave.\n";

/* }====== */

/* {====== Option parsing ======
   A transcription of _PyOS_GetOpt's rules (see the top of the file).
   Returns -1 when the configuration is complete, or an exit status when
   the command line has been fully answered (help) or is wrong. */

static int
parse_options(int argc, char **argv, Config *cf)
{
    int i = 1;
    while (i < argc) {
        const char *arg = argv[i];
        if (arg[0] != '-' || arg[1] == '\0') {
            break;  // the script, or "-" for stdin
        }
        if (strcmp(arg, "--") == 0) {
            i++;
            break;
        }
        if (arg[1] == '-') {
            const char *name = arg + 2;
            if (strcmp(name, "help") == 0 || strcmp(name, "help-all") == 0
                || strcmp(name, "help-env") == 0
                || strcmp(name, "help-xoptions") == 0) {
                print_help();
                return EXIT_OK;
            }
            if (strcmp(name, "version") == 0) {
                cf->cf_version++;
                i++;
                continue;
            }
            if (strcmp(name, "check-hash-based-pycs") == 0) {
                // Takes a value; minipy writes no .pyc files.
                if (i + 1 >= argc) {
                    return usage_error(
                        "Argument expected for the %s options", arg);
                }
                i += 2;
                continue;
            }
            if (strcmp(name, "parse-only") == 0) {
                cf->cf_action = ACTION_PARSE_ONLY;
                i++;
                break;
            }
            if (strcmp(name, "dump-ast") == 0) {
                cf->cf_action = ACTION_DUMP_AST;
                i++;
                break;
            }
            return usage_error("unknown option %s", arg);
        }

        /* A group of short options: -iq, -cprint(1), -X dev. */
        int done = 0;
        for (int j = 1; arg[j] != '\0' && !done; j++) {
            char c = arg[j];
            const char *optarg = NULL;
            if (strchr("cmWX", c) != NULL) {
                if (arg[j + 1] != '\0') {
                    optarg = arg + j + 1;
                }
                else if (i + 1 < argc) {
                    optarg = argv[++i];
                }
                else {
                    char opt[3] = {'-', c, '\0'};
                    return usage_error("Argument expected for the %s option",
                                       opt);
                }
                done = 1;  // the argument used up the rest of the word
            }
            switch (c) {
            case 'c':
                cf->cf_command = optarg;
                cf->cf_rest = i + 1;
                return -1;
            case 'm':
                cf->cf_module = optarg;
                cf->cf_rest = i + 1;
                return -1;
            case 'X':
                cf->cf_xoptions[cf->cf_nxoptions++] = optarg;
                break;
            case 'W':
                cf->cf_warnoptions[cf->cf_nwarnoptions++] = optarg;
                break;
            case 'h':
            case '?':
                print_help();
                return EXIT_OK;
            case 'V':
                cf->cf_version++;
                break;
            case 'i':
                cf->cf_inspect = 1;
                break;
            case 'x':
                cf->cf_skip_first_line = 1;
                break;
            case 'q':
                cf->cf_quiet = 1;
                break;
            case 'J':
                return usage_error("%s is reserved for Jython", "-J");
            case 'b': case 'B': case 'd': case 'E': case 'I': case 'O':
            case 'P': case 'R': case 's': case 'S': case 't':
            case 'u': case 'v':
                break;  // accepted; nothing to change before the engine
            default: {
                char opt[3] = {'-', c, '\0'};
                return usage_error("Unknown option: %s", opt);
            }
            }
        }
        i++;
    }
    cf->cf_rest = i;
    if (cf->cf_action == ACTION_RUN && i < argc) {
        cf->cf_script = argv[i];
    }
    return -1;
}

/* }====== */

/* {====== Reading source ====== */

/* The whole of f as a malloc'd buffer with a NUL after the last byte (the
   NUL is not counted in *len).  Returns NULL with errno set on failure. */
static char *
read_stream(FILE *f, size_t *len)
{
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    if (buf == NULL) {
        return NULL;
    }
    for (;;) {
        if (cap - n < 2) {
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                free(buf);
                errno = ENOMEM;
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            break;
        }
    }
    if (ferror(f)) {
        int saved = errno ? errno : EIO;
        free(buf);
        errno = saved;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Reads path ("-" is stdin) in binary.  Returns a malloc'd buffer, or NULL
   with errno set. */
static char *
read_file(const char *path, size_t *len)
{
    if (strcmp(path, "-") == 0) {
        return read_stream(stdin, len);
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    errno = 0;
    char *buf = read_stream(f, len);
    int saved = errno;
    fclose(f);
    errno = saved;
    return buf;
}

/* path made absolute the way CPython's _Py_abspath does it: the current
   directory joined to path, without normalising `..`; "." and "" are the
   current directory itself.  Returns a malloc'd string, or NULL. */
static char *
abspath(const char *path)
{
    if (path[0] == '/') {
        return strdup(path);
    }
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd) == NULL) {
        return strdup(path);
    }
    if (path[0] == '\0' || strcmp(path, ".") == 0) {
        return strdup(cwd);
    }
    size_t n = strlen(cwd) + 1 + strlen(path) + 1;
    char *out = malloc(n);
    if (out != NULL) {
        snprintf(out, n, "%s/%s", cwd, path);
    }
    return out;
}

static void
cannot_open(const char *shown, int err)
{
    fprintf(stderr, "minipy: can't open file '%s': [Errno %d] %s\n", shown,
            err, strerror(err));
}

/* }====== */

/* {====== Parsing ====== */

/* Parses src[0:len] as a module named filename.  Prints the SyntaxError
   report on failure.  With dump, prints the tree to stdout on success.
   Returns EXIT_OK or EXIT_ERROR. */
static int
parse_source(const char *src, size_t len, const char *filename, int dump)
{
    MpArena *arena = MpArena_New();
    if (arena == NULL) {
        fputs("minipy: out of memory\n", stderr);
        return EXIT_ERROR;
    }
    MpSyntaxError err;
    memset(&err, 0, sizeof err);
    MpNode *tree =
        MpParse_Source(src, len, filename, MP_MODE_FILE, arena, &err);
    int status = EXIT_OK;
    if (tree == NULL) {
        /* The report shows the line as decoded.  The front end hands the
           decoded text back in err (it lives in the arena, freed below);
           failing that, the bytes as read are that text for a UTF-8 file,
           once a UTF-8 BOM (which decoding drops) is skipped. */
        const char *text = err.source;
        size_t text_len = err.source_len;
        if (text == NULL) {
            text = src;
            text_len = len;
            if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
                text += 3;
                text_len -= 3;
            }
        }
        fflush(stdout);
        MpSyntaxError_Print(&err, filename, text, text_len, stderr);
        status = EXIT_ERROR;
    }
    else if (dump) {
        int dumped = MpAst_Dump(tree, stdout);
        if (dumped == -2) {
            /* what CPython's ast.dump(ast.parse(...)) reports */
            fprintf(stderr, "RecursionError: maximum recursion depth "
                            "exceeded during ast construction\n");
            status = EXIT_ERROR;
        }
        else if (dumped != 0 || fflush(stdout) != 0) {
            fprintf(stderr, "minipy: cannot write the tree: %s\n",
                    strerror(errno));
            status = EXIT_ERROR;
        }
    }
    MpArena_Free(arena);
    return status;
}

/* Reads and parses one file for the front-end tools; the file is named in
   reports as given on the command line.  Returns EXIT_OK or EXIT_ERROR. */
static int
parse_path(const char *path, int dump)
{
    size_t len;
    char *src = read_file(path, &len);
    if (src == NULL) {
        cannot_open(path, errno);
        return EXIT_ERROR;
    }
    int status =
        parse_source(src, len, strcmp(path, "-") == 0 ? "<stdin>" : path,
                     dump);
    free(src);
    return status;
}

/* }====== */

/* {====== Running ====== */

static int
has_xoption(const Config *cf, const char *name)
{
    for (int i = 0; i < cf->cf_nxoptions; i++) {
        if (strcmp(cf->cf_xoptions[i], name) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Starts the interpreter, runs the program and shuts down.  sys.argv is
   argv0 followed by the arguments after the program; sys.path[0] is
   path0. */
static int
run_program(const Config *cf, const char *src, size_t len,
            const char *filename, const char *argv0, const char *path0)
{
    int n = cf->cf_argc - cf->cf_rest;
    char **args = calloc((size_t)n + 2, sizeof(char *));
    if (args == NULL) {
        fputs("minipy: out of memory\n", stderr);
        return EXIT_ERROR;
    }
    args[0] = (char *)argv0;
    int first = cf->cf_script ? cf->cf_rest + 1 : cf->cf_rest;
    int count = 1;
    for (int i = first; i < cf->cf_argc; i++) {
        args[count++] = cf->cf_argv[i];
    }
    int status = EXIT_ERROR;
    MpImport_SetImportTime(has_xoption(cf, "importtime"));
    if (MpRuntime_Init(count, args, path0) == 0) {
        if (src != NULL) {
            MpRuntime_SetInspect(cf->cf_inspect);
            status = MpRuntime_RunSource(src, len, filename);
        }
        if (src == NULL || cf->cf_inspect) {
            /* The banner only when the session is the whole program, and
               not with -q, as CPython's pymain_header. */
            status = MpRuntime_RunInteractive(
                src == NULL && !cf->cf_quiet ? banner : NULL);
        }
        if (MpRuntime_Fini(has_xoption(cf, "showrefcount")) < 0) {
            status = 120;  // sys.stdout could not be flushed (CPython's)
        }
    }
    free(args);
    return status;
}

static int
run_text(const Config *cf, const char *src, size_t len, const char *filename)
{
    const char *argv0 = strcmp(filename, "<string>") == 0 ? "-c" : "";
    return run_program(cf, src, len, filename, argv0, "");
}

/* -m module: sys.argv[0] is "-m" while the module is looked for (then
   its file), sys.path[0] the current directory, as in CPython. */
static int
run_module(const Config *cf)
{
    char *cwd = abspath(".");
    if (cwd == NULL) {
        fputs("minipy: out of memory\n", stderr);
        return EXIT_ERROR;
    }
    int n = cf->cf_argc - cf->cf_rest;
    char **args = calloc((size_t)n + 2, sizeof(char *));
    int status = EXIT_ERROR;
    if (args != NULL) {
        args[0] = "-m";
        for (int i = 0; i < n; i++) {
            args[i + 1] = cf->cf_argv[cf->cf_rest + i];
        }
        MpImport_SetImportTime(has_xoption(cf, "importtime"));
        if (MpRuntime_Init(n + 1, args, cwd) == 0) {
            status = MpRuntime_RunModule(cf->cf_module);
            if (MpRuntime_Fini(has_xoption(cf, "showrefcount")) < 0) {
                status = 120;
            }
        }
    }
    free(args);
    free(cwd);
    return status;
}

/* -x: blank out the first line (a non-Unix `#!` line).  Its newline is
   kept, so the lines after it keep their numbers, as in CPython. */
static const char *
skip_first_line(const char *src, size_t *len)
{
    const char *nl = memchr(src, '\n', *len);
    size_t skip = nl ? (size_t)(nl - src) : *len;
    *len -= skip;
    return src + skip;
}

static int
run_script(const Config *cf, const char *path)
{
    char *full = abspath(path);
    if (full == NULL) {
        fputs("minipy: out of memory\n", stderr);
        return EXIT_ERROR;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        /* A directory runs its __main__.py, through runpy in CPython. */
        size_t n = strlen(path) + sizeof "/__main__.py";
        char *main_py = malloc(n);
        int has_main = 0;
        if (main_py != NULL) {
            snprintf(main_py, n, "%s/__main__.py", path);
            has_main = access(main_py, F_OK) == 0;
            free(main_py);
        }
        int status;
        if (has_main) {
            fprintf(stderr,
                    "minipy: cannot run a directory's __main__ yet (the "
                    "engine is not built)\n");
            status = EXIT_NOT_YET;
        }
        else {
            fprintf(stderr, "minipy: can't find '__main__' module in '%s'\n",
                    full);
            status = EXIT_ERROR;
        }
        free(full);
        return status;
    }
    size_t len;
    char *src = read_file(path, &len);
    if (src == NULL) {
        cannot_open(full, errno);
        free(full);
        return EXIT_USAGE;
    }
    const char *text = src;
    if (cf->cf_skip_first_line) {
        text = skip_first_line(src, &len);
    }
    /* sys.path[0] is the script's directory */
    char *dir = strdup(full);
    char *slash = dir ? strrchr(dir, '/') : NULL;
    if (slash != NULL) {
        *slash = '\0';
    }
    int status = dir ? run_program(cf, text, len, full, path, dir)
                     : EXIT_ERROR;
    free(dir);
    free(src);
    free(full);
    return status;
}

/* stdin is a program, or the REPL's input: the REPL when it is a
   terminal or -i was given (then even a pipe is read statement by
   statement, prompts on stderr), else the whole of it is one script, as
   `echo 'print(1)' | python3` runs it. */
static int
run_stdin(const Config *cf)
{
    if (isatty(STDIN_FILENO) || cf->cf_inspect) {
        const char *argv0 = cf->cf_script ? cf->cf_script : "";
        return run_program(cf, NULL, 0, "<stdin>", argv0, "");
    }
    size_t len;
    char *src = read_stream(stdin, &len);
    if (src == NULL) {
        fprintf(stderr, "minipy: cannot read stdin: %s\n", strerror(errno));
        return EXIT_ERROR;
    }
    const char *text = src;
    if (cf->cf_skip_first_line) {
        text = skip_first_line(src, &len);
    }
    /* sys.argv[0] is "-" for `minipy -`, "" for plain `minipy` */
    int status = run_program(cf, text, len, "<stdin>",
                             cf->cf_script ? cf->cf_script : "", "");
    free(src);
    return status;
}

/* }====== */

int
main(int argc, char **argv)
{
    Config cf;
    memset(&cf, 0, sizeof cf);
    cf.cf_xoptions = calloc((size_t)argc + 1, sizeof(char *));
    cf.cf_warnoptions = calloc((size_t)argc + 1, sizeof(char *));
    if (cf.cf_xoptions == NULL || cf.cf_warnoptions == NULL) {
        fputs("minipy: out of memory\n", stderr);
        return EXIT_ERROR;
    }

    cf.cf_argc = argc;
    cf.cf_argv = argv;
    int status = parse_options(argc, argv, &cf);
    if (status >= 0) {
        goto done;
    }
    MpSys_SetCommandLine(argc, argv, cf.cf_xoptions, cf.cf_nxoptions,
                         cf.cf_warnoptions, cf.cf_nwarnoptions);
    if (cf.cf_version) {
        print_version(cf.cf_version);
        status = EXIT_OK;
        goto done;
    }

    switch (cf.cf_action) {
    case ACTION_PARSE_ONLY:
        status = EXIT_OK;
        if (cf.cf_rest >= argc) {
            status = usage_error("%s", "--parse-only needs at least one file");
        }
        for (int i = cf.cf_rest; i < argc; i++) {
            if (parse_path(argv[i], 0) != EXIT_OK) {
                status = EXIT_ERROR;
            }
        }
        break;
    case ACTION_DUMP_AST:
        if (argc - cf.cf_rest != 1) {
            status = usage_error("%s", "--dump-ast needs exactly one file");
            break;
        }
        status = parse_path(argv[cf.cf_rest], 1);
        break;
    case ACTION_RUN:
        if (cf.cf_command != NULL) {
            status = run_text(&cf, cf.cf_command, strlen(cf.cf_command),
                              "<string>");
        }
        else if (cf.cf_module != NULL) {
            status = run_module(&cf);
        }
        else if (cf.cf_script != NULL && strcmp(cf.cf_script, "-") != 0) {
            status = run_script(&cf, cf.cf_script);
        }
        else {
            status = run_stdin(&cf);
        }
        break;
    }

done:
    free(cf.cf_xoptions);
    free(cf.cf_warnoptions);
    return status;
}
