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

func best(n int, f func()) float64 {
	bestNs := 0.0
	for round := 0; round < 7; round++ {
		start := time.Now()
		for i := 0; i < n; i++ {
			f()
		}
		ns := float64(time.Since(start).Nanoseconds()) / float64(n)
		if round == 0 || ns < bestNs {
			bestNs = ns
		}
	}
	return bestNs
}

func main() {
	resp, _ := gen.Render(gen.NewInvalidJWT(5, "alice"), "problem")
	body := resp.Body
	var parsed problem
	_ = json.Unmarshal(body, &parsed)
	n := 20000
	err := gen.NewInvalidJWT(5, "alice")
	render := best(n, func() {
		r, _ := gen.Render(err, "problem")
		sink = r
	})
	floorRender := best(n, func() {
		out, _ := json.Marshal(problem{parsed.Type, parsed.Title, parsed.Status, parsed.Detail, parsed.Code, parsed.Name, map[string]int{"age": 5}})
		sink = out
	})
	decode := best(n, func() { sink = gen.Decode(401, nil, body) })
	floorDecode := best(n, func() {
		var v interface{}
		_ = json.Unmarshal(body, &v)
		sink = v
	})
	fmt.Printf("{\"render\": %f, \"floor_render\": %f, \"decode\": %f, \"floor_decode\": %f}\n", render, floorRender, decode, floorDecode)
}
