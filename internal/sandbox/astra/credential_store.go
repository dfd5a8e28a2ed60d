package astra

import "slices"

// credential is a stored credential (application/astra-credential 1.1).
// Its keyStore is kept but never answered: no GET returns it (astra.md
// §11.2).
type credential struct {
	id         string
	name       string
	version    string // of the request that made it, echoed
	keyType    string // "" when absent
	keyStore   map[string]string
	valid      bool
	validFrom  *string
	validUntil *string
	record
}

// usable reports whether buckets can use the credential: it is valid, and
// has the keys of an S3 credential or of a cloud service account.
func (c *credential) usable() bool { return c.valid && len(c.keyStore) > 0 }

// keyTypeKeys are the keys each keyType's extended validation requires in
// the keyStore (credential_1.1 keyType, astra.md §11.2), and whether it
// allows others.
var keyTypeKeys = map[string]struct {
	required []string
	only     bool
}{
	"s3":          {required: []string{"accessKey", "accessSecret"}},
	"apikey":      {required: []string{"apikey"}},
	"kubeconfig":  {required: []string{"base64"}, only: true},
	"certificate": {required: []string{"certificate"}},
	"privkey":     {required: []string{"privkey"}},
}

// checkKeyStore records what the keyType's extended validation finds wrong
// with the keyStore. "generic" (or no keyType) needs at least one string.
func checkKeyStore(keyType string, keyStore map[string]string, fields *fieldErrors) {
	if len(keyStore) == 0 {
		fields.add("keyStore", "must hold at least one base64 string")
		return
	}
	rule, ok := keyTypeKeys[keyType]
	if !ok {
		return
	}
	for _, key := range rule.required {
		if _, has := keyStore[key]; !has {
			fields.add("keyStore", "a credential of keyType "+keyType+" needs a base64 "+key+" string in its keyStore")
		}
	}
	if rule.only {
		for key := range keyStore {
			if !slices.Contains(rule.required, key) {
				fields.add("keyStore."+key, "a credential of keyType "+keyType+" holds "+rule.required[0]+" only")
			}
		}
	}
}
