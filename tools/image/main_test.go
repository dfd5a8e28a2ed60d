package main

import (
	"archive/tar"
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
)

// TestImageTarball builds the sandbox statically, writes the image, and
// checks the tarball itself: its manifest and config, and that the binary
// in its layer runs as the image's entrypoint and command would run it.
func TestImageTarball(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "continuity-sandbox")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, "./cmd/sandbox")
	build.Dir = "../.."
	build.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the sandbox: %v\n%s", err, out)
	}
	out := filepath.Join(dir, "image.tar")
	if err := write(bin, out, "continuity-sandbox:test", "amd64"); err != nil {
		t.Fatal(err)
	}

	tag, _ := name.NewTag("continuity-sandbox:test")
	img, err := tarball.ImageFromPath(out, &tag)
	if err != nil {
		t.Fatalf("reading the tarball back: %v", err)
	}
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	if cf.OS != "linux" || !slices.Equal(cf.Config.Entrypoint, []string{binaryPath}) ||
		!slices.Contains(cf.Config.Cmd, envFile) || cf.Config.Healthcheck == nil {
		t.Fatalf("config: %+v", cf.Config)
	}
	if _, ok := cf.Config.ExposedPorts["8787/tcp"]; !ok {
		t.Errorf("port 8787 not exposed: %v", cf.Config.ExposedPorts)
	}
	layers, err := img.Layers()
	if err != nil || len(layers) != 1 {
		t.Fatalf("%d layers (%v), want 1: from scratch, no base image", len(layers), err)
	}
	m, err := img.Manifest()
	if err != nil || m.Config.Digest.String() == "" {
		t.Fatalf("manifest: %+v, %v", m, err)
	}

	// Take the binary out of the layer and run it with the image's
	// command, but on a free port and a temporary env file.
	rc, err := layers[0].Uncompressed()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	extracted := filepath.Join(dir, "from-layer")
	tr := tar.NewReader(rc)
	found := false
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if "/"+h.Name == binaryPath {
			f, err := os.OpenFile(extracted, os.O_CREATE|os.O_WRONLY, 0o755)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.Copy(f, tr); err != nil {
				t.Fatal(err)
			}
			_ = f.Close()
			found = true
		}
	}
	if !found {
		t.Fatalf("the layer has no %s", binaryPath)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, extracted, "-addr", "127.0.0.1:0", "-env-file", filepath.Join(dir, "sandbox.env"))
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "continuity sandbox listening on ") {
		t.Fatalf("the binary from the layer printed %q (%v)", line, err)
	}
	url := strings.TrimSpace(strings.TrimPrefix(line, "continuity sandbox listening on "))
	res, err := http.Get(url + "/_sandbox/health")
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("health: %v %v", res, err)
	}
	_ = res.Body.Close()
	// The health check the image declares, run the same way.
	check := exec.CommandContext(ctx, extracted, "-healthcheck", url)
	if out, err := check.CombinedOutput(); err != nil {
		t.Fatalf("the image's health check failed: %v %s", err, out)
	}
}
