#!/bin/bash -eu
# ClusterFuzzLite's build (run in its builder image, in $SRC/tierscope): the project's own fuzz build,
# scripts/fuzz-build.sh, with the builder's $CXX, $CXXFLAGS and $LIB_FUZZING_ENGINE; it puts each
# fuzz_<surface> in $OUT with its seed corpus, dictionary and options. scripts/cflite-check.sh (part of
# scripts/sanitize.sh) runs this file the same way on every test run.
# Every surface, unless a file .clusterfuzzlite/targets names some (the nightly batch workflow writes
# it per shard, so that each target gets its hour within GitHub's 6-hour job limit).
surfaces=()
if [ -f .clusterfuzzlite/targets ]; then read -r -a surfaces <.clusterfuzzlite/targets; fi
FUZZ_BUILD_DIR="$WORK/build" FUZZ_JOBS="$(nproc)" bash scripts/fuzz-build.sh "${surfaces[@]}"
