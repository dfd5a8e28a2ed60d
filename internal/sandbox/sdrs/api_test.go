package sdrs

import (
	"regexp"
	"strings"
	"testing"
)

func TestEnvExportsCredentialsAndFixtures(t *testing.T) {
	env := map[string]string{}
	for _, v := range New(Options{}).Env("http://127.0.0.1:1") {
		env[v.Name] = v.Value
	}
	if env[EnvEndpoint] != "http://127.0.0.1:1" || env[EnvAccessKey] != AccessKey || env[EnvSecretKey] != SecretKey ||
		env[EnvProjectID] != ProjectID || env[EnvRegion] != Region || env[EnvVPCID] != VPCID || env[EnvDomainID] != DomainID {
		t.Fatalf("env = %v", env)
	}
	if vols := strings.Split(env[EnvVolumeIDs], ","); len(vols) < 3 || vols[0] != VolumeIDs[0] {
		t.Fatalf("volumes = %v", vols)
	}
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(ProjectID) {
		t.Fatalf("project ID %q is not 32 hex digits", ProjectID)
	}
}
