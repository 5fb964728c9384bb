"""The build, one module per stage (`exporter.pipeline` re-exports the public names):

options   BuildOptions: what to build, where, how
read      input files -> enriched compendium, in worker processes over size-balanced chunks
check     what stops a build before assembly; the glyph-coverage check
write     every format into a temporary file (heavy writers in forked processes),
          then renamed into place by this process only
report    BuildResult: per-file reports, outputs with their hashes, timings
build     the orchestration: lock, read, edits, assemble, write
"""
