// Command image writes the sandbox's container image as a tarball that
// `docker load` (or `crane push`) takes: built from scratch, with no base
// image to pull and no Docker daemon, around the static sandbox binary.
//
//	go run . -binary ../../bin/linux_amd64/continuity-sandbox -out ../../dist/continuity-sandbox-image.tar -tag continuity-sandbox:dev
//
// The image listens on 0.0.0.0:8787, writes its env file to
// /sandbox/sandbox.env (mount a volume on /sandbox to read it), and checks
// its health with its own binary (a scratch image has no curl).
package main

import (
	"archive/tar"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// Where things are in the image.
const (
	binaryPath = "/continuity-sandbox"
	envFile    = "/sandbox/sandbox.env"
	port       = "8787"
)

func main() {
	binary := flag.String("binary", "", "the static (CGO_ENABLED=0) linux sandbox binary")
	out := flag.String("out", "continuity-sandbox-image.tar", "the image tarball to write")
	tag := flag.String("tag", "continuity-sandbox:dev", "the image's name and tag")
	arch := flag.String("arch", "amd64", "the binary's architecture")
	flag.Parse()
	if *binary == "" {
		fmt.Fprintln(os.Stderr, "image: -binary is required")
		os.Exit(2)
	}
	if err := write(*binary, *out, *tag, *arch); err != nil {
		fmt.Fprintln(os.Stderr, "image:", err)
		os.Exit(1)
	}
}

func write(binary, out, tag, arch string) error {
	img, err := build(binary, arch)
	if err != nil {
		return err
	}
	ref, err := name.NewTag(tag)
	if err != nil {
		return err
	}
	return tarball.WriteToFile(out, ref, img)
}

// build returns the image: one layer with the binary (and the empty
// /sandbox directory), the entrypoint, the exposed port and a health check.
func build(binary, arch string) (v1.Image, error) {
	data, err := os.ReadFile(binary)
	if err != nil {
		return nil, err
	}
	layer, err := tarball.LayerFromOpener(func() (io.ReadCloser, error) { return layerTar(data) })
	if err != nil {
		return nil, err
	}
	img, err := mutate.AppendLayers(mutate.MediaType(empty.Image, types.OCIManifestSchema1), layer)
	if err != nil {
		return nil, err
	}
	img = mutate.ConfigMediaType(img, types.OCIConfigJSON)
	cf, err := img.ConfigFile()
	if err != nil {
		return nil, err
	}
	cf = cf.DeepCopy()
	cf.OS, cf.Architecture = "linux", arch
	cf.Created = v1.Time{Time: time.Unix(0, 0).UTC()} // reproducible
	cf.Config.Entrypoint = []string{binaryPath}
	cf.Config.Cmd = []string{"-addr", "0.0.0.0:" + port, "-env-file", envFile}
	cf.Config.ExposedPorts = map[string]struct{}{port + "/tcp": {}}
	cf.Config.Volumes = map[string]struct{}{"/sandbox": {}}
	cf.Config.Healthcheck = &v1.HealthConfig{
		Test:     []string{"CMD", binaryPath, "-healthcheck", "http://127.0.0.1:" + port},
		Interval: 2 * time.Second, Timeout: 2 * time.Second, Retries: 15,
	}
	cf.Config.Labels = map[string]string{
		"org.opencontainers.image.title":       "continuity sandbox",
		"org.opencontainers.image.description": "Offline emulator of NetApp Astra Control, Huawei Cloud SDRS and OpenStack Manila for terraform-provider-continuity",
		"org.opencontainers.image.licenses":    "MPL-2.0",
	}
	return mutate.ConfigFile(img, cf)
}

// layerTar is the layer: the binary and an empty /sandbox directory.
func layerTar(binary []byte) (io.ReadCloser, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	epoch := time.Unix(0, 0)
	if err := tw.WriteHeader(&tar.Header{Name: "sandbox/", Typeflag: tar.TypeDir, Mode: 0o777, ModTime: epoch}); err != nil {
		return nil, err
	}
	if err := tw.WriteHeader(&tar.Header{Name: binaryPath[1:], Typeflag: tar.TypeReg, Mode: 0o755, Size: int64(len(binary)), ModTime: epoch}); err != nil {
		return nil, err
	}
	if _, err := tw.Write(binary); err != nil {
		return nil, err
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	return io.NopCloser(&buf), nil
}
