// A small program that pushes to a Pushgateway with Go's own client (client_golang's push
// package, whose default format is delimited protobuf), for the end-to-end tests of real clients
// (e2e/real-clients.spec.ts). Built offline in GOPATH mode against Debian's packages by
// e2e/clients/clients.ts (GO111MODULE=off GOPATH=/usr/share/gocode).
//
//	go-pusher -url URL -job JOB [-label name=value]... [-set basic|both] push|add|delete
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/push"
)

type labelFlags []string

func (l *labelFlags) String() string     { return strings.Join(*l, ",") }
func (l *labelFlags) Set(v string) error { *l = append(*l, v); return nil }

// basic: a counter with a label, a gauge, a summary and a classic histogram.
func basic(r *prometheus.Registry) {
	done := prometheus.NewCounterVec(prometheus.CounterOpts{Name: "go_jobs_done_total", Help: "Jobs done, by queue."}, []string{"queue"})
	done.WithLabelValues("mail").Add(3)
	done.WithLabelValues("print").Add(1.5)
	last := prometheus.NewGauge(prometheus.GaugeOpts{Name: "go_last_success_seconds", Help: "When the job last succeeded."})
	last.Set(1.7e9)
	duration := prometheus.NewSummary(prometheus.SummaryOpts{
		Name: "go_duration_seconds", Help: "How long the job ran.",
		Objectives: map[float64]float64{0.5: 0.05, 0.9: 0.01},
	})
	payload := prometheus.NewHistogram(prometheus.HistogramOpts{
		Name: "go_payload_bytes", Help: "Payload sizes.", Buckets: []float64{100, 1000, 10000},
	})
	for _, v := range []float64{50, 120, 900, 5000, 20000} {
		duration.Observe(v / 1000)
		payload.Observe(v)
	}
	r.MustRegister(done, last, duration, payload)
}

// both: a histogram with classic buckets and native ones at once, as services that move to
// native histograms push it; zero, negative and positive observations.
func both(r *prometheus.Registry) {
	latency := prometheus.NewHistogram(prometheus.HistogramOpts{
		Name: "go_latency_seconds", Help: "Latency, classic and native buckets.",
		Buckets:                     []float64{0.1, 0.5, 1},
		NativeHistogramBucketFactor: 1.1,
	})
	for _, v := range []float64{0, 0.05, 0.2, 0.2, 0.7, 3, -0.3} {
		latency.Observe(v)
	}
	r.MustRegister(latency)
}

func main() {
	url := flag.String("url", "", "the gateway")
	job := flag.String("job", "", "the job")
	set := flag.String("set", "basic", "which metrics: basic or both")
	var labels labelFlags
	flag.Var(&labels, "label", "a grouping label, name=value (repeated)")
	flag.Parse()
	registry := prometheus.NewRegistry()
	switch *set {
	case "basic":
		basic(registry)
	case "both":
		both(registry)
	default:
		fail(fmt.Errorf("unknown set %q", *set))
	}
	pusher := push.New(*url, *job).Gatherer(registry)
	for _, l := range labels {
		name, value, _ := strings.Cut(l, "=")
		pusher = pusher.Grouping(name, value)
	}
	var err error
	switch flag.Arg(0) {
	case "push":
		err = pusher.Push()
	case "add":
		err = pusher.Add()
	case "delete":
		err = pusher.Delete()
	default:
		err = fmt.Errorf("unknown action %q: push, add or delete", flag.Arg(0))
	}
	fail(err)
}

func fail(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "go-pusher:", err)
		os.Exit(1)
	}
}
