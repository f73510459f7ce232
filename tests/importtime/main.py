# Imported under -X importtime by tests/run_importtime.sh: the nesting of
# the report (parents imported from inside their child's import, a module
# importing another, a module already loaded not reported again).
import it_plain
import itpkg.inner.leaf
import it_plain
from itpkg import it_side
