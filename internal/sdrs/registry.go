package sdrs

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources lists the SDRS resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{
		NewProtectionGroupResource,
		NewReplicationPairResource,
		NewProtectedInstanceResource,
		NewReplicationAttachmentResource,
		NewDrillResource,
	}
}

// DataSources lists the SDRS data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewDomainDataSource,
		NewProtectionGroupsDataSource,
		NewReplicationPairsDataSource,
		NewProtectedInstancesDataSource,
		NewDrillsDataSource,
		NewQuotasDataSource,
		NewRPOStatisticsDataSource,
		NewFailedJobsDataSource,
	}
}
