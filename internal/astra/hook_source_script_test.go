package astra

import (
	"strings"
	"testing"
)

func TestSourceMD5IsOverTheBase64Text(t *testing.T) {
	// The spec's example and a real ACC answer (astra.md §3.3).
	cases := map[string]string{
		"ZWNobyAiVkhKaGJuTWdVbWxuYUhSeklRPT0iIHwgYmFzZTY0IC1k":     "b1a4b8b0144c3f6be553b626130ca145",
		"IyEvYmluL2Jhc2gKZWNobyAidGhpcyBpcyBqdXN0IGFuIGV4YW1wbGUi": "8ad9d02befca7ef9a0fd51f7ec4aebe7",
	}
	for src, want := range cases {
		if got := sourceMD5(src); got != want {
			t.Errorf("sourceMD5(%q) = %s, want %s", src, got, want)
		}
	}
}

func TestCheckSourceAndContent(t *testing.T) {
	ok := encodeScript("#!/bin/sh\necho hi\n")
	if err := checkSource(ok); err != nil {
		t.Errorf("valid source refused: %v", err)
	}
	for name, src := range map[string]string{
		"not base64":      "not base64!",
		"unpadded":        "YWJj" + "ZA",
		"line break":      "YWJj\nZGVm",
		"carriage return": encodeScript("echo a\r\necho b\n"),
		"binary":          encodeScript("\x00\x01\x02"),
		"not utf8":        encodeScript("\xff\xfe"),
		"oversized":       strings.Repeat("A", maxSourceLength+4),
	} {
		if err := checkSource(src); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if err := checkContent("echo a\r\n"); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("CR in content: %v", err)
	}
	if err := checkContent(strings.Repeat("a", 98304)); err != nil {
		t.Errorf("96 KiB refused: %v", err)
	}
	if err := checkContent(strings.Repeat("a", 98305)); err == nil {
		t.Error("96 KiB + 1 accepted")
	}
}
