// The anchor for `perfdash probe FILE`: Go's reference parser for the Prometheus text format (expfmt, from
// prometheus/common, as Debian packages it), reading the same file and printing a one-line summary, as a whole
// process. Built by scripts/bench-probe.sh in GOPATH mode against /usr/share/gocode (no module download).
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/prometheus/common/expfmt"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: expfmt_anchor FILE")
		os.Exit(64)
	}
	file, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer file.Close()
	var parser expfmt.TextParser
	families, err := parser.TextToMetricFamilies(bufio.NewReaderSize(file, 1<<16))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	series := 0
	for _, family := range families {
		series += len(family.GetMetric())
	}
	fmt.Printf("%d families, %d series\n", len(families), series)
}
