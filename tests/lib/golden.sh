# golden.sh — sourced by run_golden.sh and record_golden.sh, so that both
# agree on which scripts are tests and normalise outputs the same way.
#
# golden_scripts DIR: the tests, exactly DIR/<area>/NAME.py.  Files deeper
# down (DIR/<area>/<subdir>/...) are the modules and packages those tests
# import, not tests.
golden_scripts() {
    find "$1" -mindepth 2 -maxdepth 2 -name '*.py' -type f | LC_ALL=C sort
}
#
# normalize DIR < in > out: drops the absolute path DIR (the test's
# directory), so paths read relative, and replaces addresses (0x and 8 or
# more hex digits) with 0xADDR; short hex output such as hex(255) stays.
normalize() {
    # The directory as a sed pattern: escape what BRE and the | delimiter
    # treat specially.
    pat=$(printf '%s\n' "$1" | sed 's/[][\\.*^$|]/\\&/g')
    sed -e "s|$pat/||g" -e "s|$pat||g" -e 's/0x[0-9a-f]\{8,\}/0xADDR/g'
}
