"""Media on S3-compatible storage (MEDIA_STORAGE=s3), shared by every app server and the
task worker.

The public reads one kind of file straight from the bucket: image renditions
(`images/`), which pages link to. Wagtail makes each rendition once: its row in the
shared database names the file, so another server finds it there rather than making
it again. Everything else stays private in the bucket, granted to no one:

- original images, which only the servers read, to make renditions;
- documents and publications' PDFs, which visitors get through the site (Wagtail's
  document view, the page's pdf/ route): those apply view restrictions, so a
  restricted document cannot be read from the bucket even by someone who knows its name.

What is public is said by the bucket's policy (`public_read_policy`, applied by
`manage.py prepare_media_bucket`), not by per-object ACLs, which new AWS buckets refuse.
"""

import json

from storages.backends.s3 import S3Storage

PUBLIC_PREFIX = "images/"
# A rendition's name never changes meaning (a new original makes new renditions, under
# new names): browsers and CDNs may keep it for a year.
RENDITION_CACHE_CONTROL = "public, max-age=31536000, immutable"


class MediaStorage(S3Storage):
    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        if name.startswith(PUBLIC_PREFIX):
            parameters.setdefault("CacheControl", RENDITION_CACHE_CONTROL)
        return parameters


def public_read_policy(bucket):
    """The bucket policy that lets anyone read the renditions, and nothing else."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PublicRenditions",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{bucket}/{PUBLIC_PREFIX}*",
                }
            ],
        }
    )
