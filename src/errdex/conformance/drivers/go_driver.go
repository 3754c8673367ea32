// The conformance driver for generated Go (docs/wire.md, section 2): reads
// the vectors file on stdin and answers each case line with one JSON line,
// {"vector": id, "got": {...}} or {"vector": id, "error": "..."}, using only
// the public API of the generated package "gen".
package main

import (
	"bufio"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"errdexdriver/gen"
)

func field(o gen.Object, key string) interface{} {
	v, _ := o.Get(key)
	return v
}

func text(v interface{}) string {
	switch x := v.(type) {
	case string:
		return x
	case gen.Number:
		return string(x)
	}
	return ""
}

func params(v interface{}) []gen.Param {
	var out []gen.Param
	if p, ok := v.(gen.Object); ok {
		for _, m := range p {
			if m.Value != nil { // null: the parameter is not given
				out = append(out, gen.Param{Name: m.Key, Value: m.Value})
			}
		}
	}
	return out
}

// build returns the error a case (or batch item) describes: a catalog error,
// or for "code": null a plain Go error.
func build(c gen.Object) (error, string) {
	code := field(c, "code")
	if code == nil {
		return errors.New("boom"), ""
	}
	err := gen.New(text(code), text(field(c, "space")), params(field(c, "params"))...)
	if err == nil {
		return nil, fmt.Sprintf("no entry %s in space %q", gen.JSON(code), text(field(c, "space")))
	}
	if variant, ok := field(c, "variant").(string); ok {
		err = err.WithVariant(variant)
	}
	if pointer, ok := field(c, "pointer").(string); ok {
		err.Pointer = pointer
	}
	if parameter, ok := field(c, "parameter").(string); ok {
		err.Parameter = parameter
	}
	if data, found := c.Get("data"); found {
		err.Data = data
	}
	if subs, ok := field(c, "sub_errors").([]interface{}); ok {
		for _, s := range subs {
			so, _ := s.(gen.Object)
			sub, problem := build(so)
			if problem != "" {
				return nil, problem
			}
			if own, ok := sub.(*gen.Error); ok {
				err.SubErrors = append(err.SubErrors, own)
			}
		}
	}
	return err, ""
}

func response(resp *gen.Response) gen.Object {
	headers := []interface{}{}
	for _, h := range resp.Headers {
		headers = append(headers, []interface{}{h[0], h[1]})
	}
	out := gen.Object{
		{Key: "status", Value: gen.Number(strconv.Itoa(resp.Status))},
		{Key: "headers", Value: headers},
	}
	if utf8.Valid(resp.Body) {
		return append(out, gen.Member{Key: "body", Value: string(resp.Body)})
	}
	return append(out, gen.Member{Key: "body_b64", Value: base64.StdEncoding.EncodeToString(resp.Body)})
}

func localeOption(c gen.Object) []gen.Option {
	if loc, ok := field(c, "locale").(string); ok {
		return []gen.Option{gen.Locale(loc)}
	}
	return nil
}

func render(c gen.Object) (interface{}, string) {
	err, problem := build(c)
	if problem != "" {
		return nil, problem
	}
	opts := localeOption(c)
	if id := field(c, "id"); id != nil {
		opts = append(opts, gen.ID(id))
	}
	resp, rerr := gen.Render(err, text(field(c, "profile")), opts...)
	if rerr != nil {
		return nil, rerr.Error()
	}
	return response(resp), ""
}

func renderBatch(c gen.Object) (interface{}, string) {
	var items []gen.BatchItem
	list, _ := field(c, "items").([]interface{})
	for _, raw := range list {
		item, _ := raw.(gen.Object)
		if r, found := item.Get("response"); found {
			items = append(items, gen.BatchItem{Response: r})
			continue
		}
		err, problem := build(item)
		if problem != "" {
			return nil, problem
		}
		items = append(items, gen.BatchItem{Err: err, ID: field(item, "id")})
	}
	return response(gen.RenderBatch(items, localeOption(c)...)), ""
}

func orNull(s string) interface{} {
	if s == "" {
		return nil
	}
	return s
}

func result(e *gen.Error) gen.Object {
	var code, entry interface{}
	if e.CodeIsInt() {
		code = gen.Number(e.Code())
	} else if e.Code() != "" {
		code = string(e.Code())
	}
	if e.Entry != nil {
		entry = e.Entry.Name
		if e.Entry.Name == "" {
			entry = string(e.Entry.Code)
		}
	}
	ps := gen.Object{}
	for _, p := range e.Params {
		ps = append(ps, gen.Member{Key: p.Name, Value: p.Value})
	}
	var retryable, retryAfter, status interface{}
	if r, known := e.Retryable(); known {
		retryable = r
	}
	if d, ok := e.RetryAfter(); ok {
		retryAfter = d
	}
	if e.Status() != 0 {
		status = gen.Number(strconv.Itoa(e.Status()))
	}
	subs := []interface{}{}
	for _, s := range e.SubErrors {
		subs = append(subs, result(s))
	}
	return gen.Object{
		{Key: "code", Value: code}, {Key: "space", Value: orNull(e.Space())},
		{Key: "entry", Value: entry}, {Key: "variant", Value: orNull(e.Variant())},
		{Key: "message", Value: e.Message()}, {Key: "status", Value: status},
		{Key: "params", Value: ps}, {Key: "retryable", Value: retryable},
		{Key: "retry_after", Value: retryAfter}, {Key: "sub_errors", Value: subs},
	}
}

func inputs(c gen.Object, header gen.Object) (int, [][2]string, []byte, time.Time, string) {
	status := 0
	if n, ok := field(c, "status").(gen.Number); ok {
		status, _ = strconv.Atoi(string(n))
	}
	var headers [][2]string
	if list, ok := field(c, "headers").([]interface{}); ok {
		for _, h := range list {
			if pair, ok := h.([]interface{}); ok && len(pair) == 2 {
				headers = append(headers, [2]string{text(pair[0]), text(pair[1])})
			}
		}
	}
	body := []byte(text(field(c, "body")))
	if b64, ok := field(c, "body_b64").(string); ok {
		decoded, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			return 0, nil, nil, time.Time{}, "body_b64 is not base64: " + err.Error()
		}
		body = decoded
	}
	now := time.Now()
	when, found := c.Get("now")
	if !found {
		when, found = header.Get("now")
	}
	if n, ok := when.(gen.Number); ok && found {
		f, _ := strconv.ParseFloat(string(n), 64)
		sec, frac := math.Modf(f)
		now = time.Unix(int64(sec), int64(frac*1e9))
	}
	return status, headers, body, now, ""
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<28)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var header gen.Object
	for in.Scan() {
		line := strings.TrimSpace(in.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		v, ok := gen.ParseJSON([]byte(line))
		c, isObj := v.(gen.Object)
		kind := text(field(c, "kind"))
		if kind == "header" {
			header = c
			continue
		}
		var got interface{}
		problem := ""
		switch {
		case !ok || !isObj:
			problem = "not a JSON object"
		case kind == "render":
			got, problem = render(c)
		case kind == "render_batch":
			got, problem = renderBatch(c)
		case kind == "decode" || kind == "decode_batch":
			status, headers, body, now, bad := inputs(c, header)
			problem = bad
			if bad == "" && kind == "decode" {
				got = result(gen.DecodeAt(status, headers, body, now))
			} else if bad == "" {
				items := []interface{}{}
				for _, e := range gen.DecodeBatchAt(status, headers, body, now) {
					if e == nil {
						items = append(items, nil)
					} else {
						items = append(items, result(e))
					}
				}
				got = gen.Object{{Key: "items", Value: items}}
			}
		default:
			problem = fmt.Sprintf("unknown case kind %q", kind)
		}
		answer := gen.Object{{Key: "vector", Value: field(c, "vector")}}
		if problem != "" {
			answer = append(answer, gen.Member{Key: "error", Value: problem})
		} else {
			answer = append(answer, gen.Member{Key: "got", Value: got})
		}
		fmt.Fprintln(out, gen.JSON(answer))
	}
}
