// Benchmark of the generated Go against the language's own serialisation:
// render ≤ 2× json.Marshal of a struct holding the same literal, decode ≤ 4×
// json.Unmarshal of the body. Prints one JSON line of nanoseconds per op.
package main

import (
	"encoding/json"
	"fmt"
	"time"

	"errdexdriver/gen"
)

type problem struct {
	Type   string         `json:"type"`
	Title  string         `json:"title"`
	Status int            `json:"status"`
	Detail string         `json:"detail"`
	Code   string         `json:"code"`
	Name   string         `json:"name"`
	Params map[string]int `json:"params"`
}

var sink interface{}

// pair times op and floor in alternating rounds (the same machine load for
// both) and returns the best nanoseconds per call of each.
func pair(n int, op, floor func()) (float64, float64) {
	best := [2]float64{}
	for round := 0; round < 15; round++ {
		for k, f := range []func(){op, floor} {
			start := time.Now()
			for i := 0; i < n; i++ {
				f()
			}
			ns := float64(time.Since(start).Nanoseconds()) / float64(n)
			if round == 0 || ns < best[k] {
				best[k] = ns
			}
		}
	}
	return best[0], best[1]
}

func main() {
	resp, _ := gen.Render(gen.NewInvalidJWT(5, "alice"), "problem")
	body := resp.Body
	var parsed problem
	_ = json.Unmarshal(body, &parsed)
	n := 20000
	err := gen.NewInvalidJWT(5, "alice")
	render, floorRender := pair(n, func() {
		r, _ := gen.Render(err, "problem")
		sink = r
	}, func() {
		out, _ := json.Marshal(problem{parsed.Type, parsed.Title, parsed.Status, parsed.Detail, parsed.Code, parsed.Name, map[string]int{"age": 5}})
		sink = out
	})
	decode, floorDecode := pair(n, func() { sink = gen.Decode(401, nil, body) }, func() {
		var v interface{}
		_ = json.Unmarshal(body, &v)
		sink = v
	})
	fmt.Printf("{\"render\": %f, \"floor_render\": %f, \"decode\": %f, \"floor_decode\": %f}\n", render, floorRender, decode, floorDecode)
}
