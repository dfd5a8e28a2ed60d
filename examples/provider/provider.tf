# Each backend has its own block; configure only the backends you use.
# Every setting can come from its environment variable instead (see below),
# which keeps secrets out of the configuration.
provider "continuity" {
  astra {
    endpoint   = "https://astra.example.com"
    account_id = "6a1b3c5d-7e9f-4a0b-8c2d-4e6f8a0b2c4d"
    # api_token from ASTRA_API_TOKEN
  }

  sdrs {
    region     = "cn-north-4"
    project_id = "0123456789abcdef0123456789abcdef"
    # access_key and secret_key from HW_ACCESS_KEY and HW_SECRET_KEY
  }

  manila {
    cloud = "dr-site" # an entry of clouds.yaml; or auth_url, user_name, ...
  }
}
