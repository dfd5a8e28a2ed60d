package astra

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

const packagesPath = "core/v1/packages"

// PackageImage is an entry of a package's images.
type PackageImage struct {
	ImageName   string `json:"imageName"`
	ImagePath   string `json:"imagePath"`
	ImageTag    string `json:"imageTag"`
	ImageDigest string `json:"imageDigest"`
}

// PackageArtifact is an entry of a package's artifacts.
type PackageArtifact struct {
	ArtifactName       string `json:"artifactName"`
	ArtifactIdentifier string `json:"artifactIdentifier"`
	ArtifactPath       string `json:"artifactPath"`
	ArtifactVersion    string `json:"artifactVersion"`
}

// PackageFile is an entry of a package's files.
type PackageFile struct {
	FileName       string `json:"fileName"`
	FileIdentifier string `json:"fileIdentifier"`
	FileMediaType  string `json:"fileMediaType"`
}

// PackageDependency is an entry of a package's dependencies.
type PackageDependency struct {
	ComponentName       string `json:"componentName"`
	ComponentMinVersion string `json:"componentMinVersion"`
	ComponentMaxVersion string `json:"componentMaxVersion"`
}

// Package is the API's package resource, version 1.0 (Astra Control
// Center software packages).
type Package struct {
	ID                  string            `json:"id"`
	PackageName         string            `json:"packageName"`
	PackageVersion      string            `json:"packageVersion"`
	PackageType         string            `json:"packageType"`
	BundleName          []string          `json:"bundleName"`
	SeverityLevel       string            `json:"severityLevel"`
	PackageState        string            `json:"packageState"`
	PackageStateDetails []StateDetail     `json:"packageStateDetails"`
	Images              []PackageImage    `json:"images"`
	Artifacts           []PackageArtifact `json:"artifacts"`
	Files               []PackageFile     `json:"files"`
	UpgradableVersions  *struct {
		MinVersion string `json:"minVersion"`
		MaxVersion string `json:"maxVersion"`
	} `json:"upgradableVersions"`
	Dependencies []PackageDependency `json:"dependencies"`
	Metadata     *Metadata           `json:"metadata"`
}

// PackageQuery holds the four query parameters of the packages collection,
// in the API's own syntax; zero values are not sent.
type PackageQuery struct {
	// Filter is one filter parameter, e.g. "packageName eq 'acc'".
	Filter string
	// OrderBy is a field, optionally followed by " desc".
	OrderBy string
	// Include names the fields each item is projected onto, in order.
	Include []string
	// Limit is the maximum number of items; 0 means no limit.
	Limit int64
}

func (q PackageQuery) values() url.Values {
	v := url.Values{}
	if q.Filter != "" {
		v.Set("filter", q.Filter)
	}
	if q.OrderBy != "" {
		v.Set("orderBy", q.OrderBy)
	}
	if len(q.Include) > 0 {
		v.Set("include", strings.Join(q.Include, ","))
	}
	if q.Limit > 0 {
		v.Set("limit", strconv.FormatInt(q.Limit, 10))
	}
	return v
}

// PackageList is the answer of a package listing: whole packages without
// include, projected rows (one JSON value per included field) with it.
type PackageList struct {
	Packages []Package
	Rows     [][]json.RawMessage
}

// ListPackages lists packages with the query passed to the API as is.
func (c *Client) ListPackages(ctx context.Context, q PackageQuery) (*PackageList, error) {
	var raw struct {
		Items []json.RawMessage `json:"items"`
	}
	req := request{method: http.MethodGet, path: packagesPath, query: q.values()}
	if err := c.do(ctx, req, &raw); err != nil {
		return nil, err
	}
	var out PackageList
	for i, item := range raw.Items {
		if len(q.Include) > 0 {
			var row []json.RawMessage
			if err := json.Unmarshal(item, &row); err != nil {
				return nil, fmt.Errorf("%s API %s: item %d is not the array of included fields: %w", serviceName, req.operation(), i, err)
			}
			out.Rows = append(out.Rows, row)
			continue
		}
		var p Package
		if err := json.Unmarshal(item, &p); err != nil {
			return nil, fmt.Errorf("%s API %s: item %d is not a package: %w", serviceName, req.operation(), i, err)
		}
		out.Packages = append(out.Packages, p)
	}
	return &out, nil
}

// GetPackage reads one package; a missing one gives apierr.NotFoundError.
func (c *Client) GetPackage(ctx context.Context, id string) (*Package, error) {
	var out Package
	if err := c.do(ctx, request{method: http.MethodGet, path: packagesPath + "/" + url.PathEscape(id)}, &out); err != nil {
		return nil, apierr.NotFound("package", id, err)
	}
	return &out, nil
}
