# Import a DR drill by its ID.
terraform import 'continuity_sdrs_drill.quarterly[0]' e472d26f-9624-42fb-8bfc-717d4714c225
