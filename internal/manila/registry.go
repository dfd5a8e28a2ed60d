package manila

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources lists the OpenStack Manila resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{
		NewConsistencyGroupResource,
		NewConsistencyGroupSnapshotResource,
		NewShareResource,
		NewShareSnapshotResource,
		NewShareGroupResource,
		NewShareGroupSnapshotResource,
		NewShareReplicaResource,
	}
}

// DataSources lists the OpenStack Manila data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewConsistencyGroupDataSource,
		NewConsistencyGroupsDataSource,
		NewShareTypeDataSource,
		NewShareNetworkDataSource,
		NewShareDataSource,
		NewSharesDataSource,
		NewShareGroupTypeDataSource,
		NewShareGroupDataSource,
		NewShareGroupsDataSource,
		NewShareReplicasDataSource,
	}
}
