# normalize.sh — sourced by run_golden.sh and record_golden.sh, so that the
# recorded and the actual outputs are normalised by the same code.
#
# normalize DIR < in > out: drops the absolute path DIR (the test's
# directory), so paths read relative, and replaces 0x... addresses with
# 0xADDR.
normalize() {
    # The directory as a sed pattern: escape what BRE and the | delimiter
    # treat specially.
    pat=$(printf '%s\n' "$1" | sed 's/[][\\.*^$|]/\\&/g')
    sed -e "s|$pat/||g" -e "s|$pat||g" -e 's/0x[0-9a-f][0-9a-f]*/0xADDR/g'
}
