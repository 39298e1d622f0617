# Shortcuts for machines that have make; the scripts do the work (a fresh machine with only
# the Swift toolchain may have no make).
.PHONY: demo test bench
demo:
	scripts/demo
test:
	scripts/test
bench:
	bench/run-tokenizer.sh
