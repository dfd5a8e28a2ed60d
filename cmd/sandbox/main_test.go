package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// readyPrefix starts the line printed once the sandbox serves.
const readyPrefix = "continuity sandbox listening on "

// TestMain lets the test binary run the real main when re-executed by
// TestSignalStopsCleanly.
func TestMain(m *testing.M) {
	if os.Getenv("CONTINUITY_SANDBOX_TEST_MAIN") == "1" {
		os.Args = append([]string{"sandbox"}, strings.Fields(os.Getenv("CONTINUITY_SANDBOX_TEST_ARGS"))...)
		main()
		return
	}
	os.Exit(m.Run())
}

// readReady reads the ready line from r and returns the URL.
func readReady(t *testing.T, r io.Reader) string {
	t.Helper()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the ready line: %v (got %q)", err, line)
	}
	if !strings.HasPrefix(line, readyPrefix) {
		t.Fatalf("ready line = %q", line)
	}
	fields := strings.Fields(line)
	return fields[len(fields)-1]
}

// checkServes checks that url answers the metrics route.
func checkServes(t *testing.T, url string) {
	t.Helper()
	res, err := http.Get(url + "/_sandbox/metrics")
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("metrics: %d", res.StatusCode)
	}
}

func TestRunServesAndStops(t *testing.T) {
	envFile := filepath.Join(t.TempDir(), "sandbox.env")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdoutR, stdoutW := io.Pipe()
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		code := run(ctx, []string{"-addr", "127.0.0.1:0", "-env-file", envFile, "-transition", "10ms"}, stdoutW, &stderr)
		_ = stdoutW.Close()
		done <- code
	}()
	url := readReady(t, stdoutR)
	checkServes(t, url)

	data, err := os.ReadFile(envFile)
	if err != nil {
		t.Fatal(err)
	}
	content := string(data)
	if !strings.HasPrefix(content, "export ASTRA_ENDPOINT='"+url+"'\n") {
		t.Errorf("env file starts %q", content)
	}
	for _, name := range []string{"ASTRA_ACCOUNT_ID", "ASTRA_API_TOKEN", "CONTINUITY_SANDBOX_ASTRA_PRELOADED_HOOK_SOURCE_ID"} {
		if !strings.Contains(content, "\nexport "+name+"='") {
			t.Errorf("env file lacks %s:\n%s", name, content)
		}
	}
	if info, _ := os.Stat(envFile); info.Mode().Perm() != 0o600 {
		t.Errorf("env file mode %v", info.Mode().Perm())
	}

	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit code %d; stderr: %s", code, stderr.String())
	}
	rest, _ := io.ReadAll(stdoutR)
	if len(rest) != 0 {
		t.Errorf("more than one line on stdout: %q", rest)
	}
	if _, err := http.Get(url + "/_sandbox/metrics"); err == nil {
		t.Error("still serving after the context ended")
	}
}

func TestRunFlags(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"help", []string{"-h"}, 0, "-env-file"},
		{"bad faults", []string{"-faults", "5xx=2"}, 2, "-faults: fault \"5xx=2\""},
		{"unknown fault", []string{"-faults", "flood=1"}, 2, "unknown key"},
		{"unknown flag", []string{"-nope"}, 2, "flag provided but not defined"},
		{"argument", []string{"extra"}, 2, "unexpected arguments"},
		{"negative transition", []string{"-transition", "-1s"}, 2, "-transition"},
		{"bad address", []string{"-addr", "127.0.0.1:-5"}, 1, "sandbox:"},
		{"bad manila version", []string{"-manila-max-version", "latest"}, 2, "-manila-max-version: manila maximum microversion \"latest\" is not of the form 2.N"},
		{"manila version 3", []string{"-manila-max-version", "3.1"}, 2, "-manila-max-version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.stderr)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout = %q", stdout.String())
			}
		})
	}
}

func TestRunEnvFileError(t *testing.T) {
	var stdout, stderr bytes.Buffer
	bad := filepath.Join(t.TempDir(), "missing-dir", "sandbox.env")
	code := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-env-file", bad}, &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "-env-file") || stdout.Len() != 0 {
		t.Errorf("code %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
}

// TestSignalStopsCleanly runs the real main in a child process and stops it
// with SIGTERM.
func TestSignalStopsCleanly(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(),
				"CONTINUITY_SANDBOX_TEST_MAIN=1",
				"CONTINUITY_SANDBOX_TEST_ARGS=-addr 127.0.0.1:0")
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			url := readReady(t, stdout)
			checkServes(t, url)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			waited := make(chan error, 1)
			go func() { waited <- cmd.Wait() }()
			select {
			case err := <-waited:
				if err != nil {
					t.Errorf("exit: %v; stderr: %s", err, stderr.String())
				}
			case <-time.After(30 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatal("the sandbox did not stop within 30s of the signal")
			}
		})
	}
}

// runBriefly runs the sandbox with args until it serves, calls check with
// its URL, stops it and returns what it wrote to stderr.
func runBriefly(t *testing.T, args []string, check func(url string)) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdoutR, stdoutW := io.Pipe()
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		code := run(ctx, args, stdoutW, &stderr)
		_ = stdoutW.Close()
		done <- code
	}()
	check(readReady(t, stdoutR))
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit code %d; stderr: %s", code, stderr.String())
	}
	return stderr.String()
}

func TestRunWarnsWhenReachableFromOtherHosts(t *testing.T) {
	if got := runBriefly(t, []string{"-addr", "127.0.0.1:0"}, func(string) {}); got != "" {
		t.Errorf("loopback: stderr %q, want nothing", got)
	}
	if got := runBriefly(t, []string{"-addr", "0.0.0.0:0"}, func(string) {}); !strings.Contains(got, "warning: listening on ") ||
		!strings.Contains(got, "other hosts can reach") {
		t.Errorf("all interfaces: stderr %q, want the warning", got)
	}
}

func TestRunInjectsTheFaultsOfTheCommandLine(t *testing.T) {
	runBriefly(t, []string{"-addr", "127.0.0.1:0", "-faults", "429=1"}, func(url string) {
		res, err := http.Get(url + "/v1/project/server-groups")
		if err != nil {
			t.Fatal(err)
		}
		_ = res.Body.Close()
		if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
			t.Errorf("HTTP %d, Retry-After %q; want an injected 429", res.StatusCode, res.Header.Get("Retry-After"))
		}
		checkServes(t, url) // the sandbox's own routes are never faulted
	})
}

func TestHealthcheckAndPublicURL(t *testing.T) {
	envFile := filepath.Join(t.TempDir(), "sandbox.env")
	runBriefly(t, []string{"-addr", "127.0.0.1:0", "-public-url", "http://sandbox:8787", "-env-file", envFile}, func(url string) {
		var stderr bytes.Buffer
		if code := run(context.Background(), []string{"-healthcheck", url}, io.Discard, &stderr); code != 0 {
			t.Errorf("healthcheck of a serving sandbox: exit %d, %s", code, stderr.String())
		}
	})
	data, err := os.ReadFile(envFile)
	if err != nil || !strings.Contains(string(data), "export ASTRA_ENDPOINT='http://sandbox:8787'") {
		t.Errorf("env file %q (%v): want the public URL", data, err)
	}
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"-healthcheck", "http://127.0.0.1:1"}, io.Discard, &stderr); code != 1 || !strings.Contains(stderr.String(), "unhealthy") {
		t.Errorf("healthcheck of nothing: exit %d, %q", code, stderr.String())
	}
	if code := run(context.Background(), []string{"-public-url", "sandbox:8787"}, io.Discard, &stderr); code != 2 {
		t.Errorf("a public URL without a scheme: exit %d", code)
	}
}
