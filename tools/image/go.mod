// The sandbox's container image, built without a Docker daemon: an OCI
// image tarball from scratch (no base image) around the static binary.
module github.com/continuity-dr/terraform-provider-continuity/tools/image

go 1.26.0

require github.com/google/go-containerregistry v0.22.1

require (
	github.com/klauspost/compress v1.19.2 // indirect
	github.com/opencontainers/go-digest v1.0.0 // indirect
	github.com/opencontainers/image-spec v1.1.1 // indirect
)
