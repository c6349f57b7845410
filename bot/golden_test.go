package bot

import "flag"

// update makes golden-file tests rewrite their files under testdata.
var update = flag.Bool("update", false, "rewrite the golden files under testdata")
