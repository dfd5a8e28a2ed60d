package astra

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources lists the Astra Control resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{
		NewHookSourceResource,
		NewExecutionHookResource,
		NewAppScheduleResource,
		NewAppMirrorResource,
		NewAppResource,
		NewCloudCredentialResource,
		NewBucketResource,
		NewSnapshotResource,
		NewBackupResource,
	}
}

// DataSources lists the Astra Control data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewHookSourceDataSource,
		NewPackagesDataSource,
		NewPackageDataSource,
		NewHookSourcesDataSource,
		NewAppDataSource,
		NewAppsDataSource,
		NewManagedClusterDataSource,
		NewStorageClassesDataSource,
		NewAppMirrorDataSource,
		NewSnapshotsDataSource,
		NewBackupsDataSource,
	}
}
