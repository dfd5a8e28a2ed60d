package astra

// Storage class constants of the spec (storageClass_1.1_*, astra.md §5).
const (
	storageClassType    = "application/astra-storageClass"
	storageClassesType  = "application/astra-storageClasses"
	storageClassVersion = "1.1"
)

// storageClassBody is storageClass_1.1_get_response_body.
type storageClassBody struct {
	Type                 string   `json:"type"`
	Version              string   `json:"version"`
	ID                   string   `json:"id"`
	Name                 string   `json:"name"`
	Provisioner          string   `json:"provisioner"`
	Available            string   `json:"available"`
	AllowVolumeExpansion string   `json:"allowVolumeExpansion"`
	ReclaimPolicy        string   `json:"reclaimPolicy"`
	VolumeBindingMode    string   `json:"volumeBindingMode"`
	IsDefault            string   `json:"isDefault,omitempty"`
	Metadata             metadata `json:"metadata"`
}

// view renders s. isDefault is the enum ["true"]: absent when false.
func (s *storageClass) view() any {
	b := storageClassBody{
		Type:                 storageClassType,
		Version:              storageClassVersion,
		ID:                   s.id,
		Name:                 s.name,
		Provisioner:          s.provisioner,
		Available:            "available",
		AllowVolumeExpansion: "true",
		ReclaimPolicy:        "Delete",
		VolumeBindingMode:    "Immediate",
		Metadata:             fixtureRecord.metadata(),
	}
	if s.isDefault {
		b.IsDefault = "true"
	}
	return b
}
