"""Uploaded media on an S3-compatible object store, configured from environment variables.

The settings (integration_site/settings/base.py) use this when MEDIA_S3_BUCKET is set; the
tests use it against moto's S3 server, so both run the same configuration.
"""


def s3_storage(environ):
    """The STORAGES entry for a private bucket, or None when no bucket is named."""
    bucket = environ.get("MEDIA_S3_BUCKET", "")
    if not bucket:
        return None
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": environ.get("MEDIA_S3_REGION") or None,
            "access_key": environ.get("MEDIA_S3_ACCESS_KEY_ID") or None,
            "secret_key": environ.get("MEDIA_S3_SECRET_ACCESS_KEY") or None,
            "location": environ.get("MEDIA_S3_PREFIX", ""),
            "addressing_style": environ.get("MEDIA_S3_ADDRESSING_STYLE") or None,
            "signature_version": "s3v4",
            # No ACL of our own: objects stay as private as the bucket, which grants nobody.
            "default_acl": None,
            # Every address the storage hands out is signed and short-lived.
            "querystring_auth": True,
            "querystring_expire": int(environ.get("MEDIA_S3_URL_SECONDS", "300")),
            # Like the local disk: a second file of the same name never replaces the first.
            "file_overwrite": False,
        },
    }
