package transport

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
)

// tlsConfig builds the client TLS configuration from Insecure and CAFile.
func tlsConfig(opts Options) (*tls.Config, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if opts.Insecure {
		cfg.InsecureSkipVerify = true // Explicitly requested by the user (insecure).
	}
	if opts.CAFile == "" {
		return cfg, nil
	}

	pemData, err := os.ReadFile(opts.CAFile)
	if err != nil {
		return nil, fmt.Errorf("reading CA file %q: %w", opts.CAFile, err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pemData) {
		return nil, fmt.Errorf("CA file %q contains no valid PEM certificates", opts.CAFile)
	}
	cfg.RootCAs = pool
	return cfg, nil
}
