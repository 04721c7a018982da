from botocore.exceptions import ClientError
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from base.storage import MediaStorage, public_read_policy


class Command(BaseCommand):
    help = (
        "With MEDIA_STORAGE=s3: creates the media bucket if it does not exist, and sets its "
        "policy (renditions readable by anyone, every other file private). Safe to run again."
    )

    def handle(self, **options):
        if not isinstance(default_storage, MediaStorage):
            raise CommandError("MEDIA_STORAGE is not s3: there is no media bucket to prepare.")
        client = default_storage.connection.meta.client
        bucket = default_storage.bucket_name
        try:
            client.head_bucket(Bucket=bucket)
        except ClientError:
            region = client.meta.region_name
            where = {}
            if region and region != "us-east-1":
                where = {"CreateBucketConfiguration": {"LocationConstraint": region}}
            client.create_bucket(Bucket=bucket, **where)
            self.stdout.write(f"Created the bucket {bucket}.")
        client.put_bucket_policy(Bucket=bucket, Policy=public_read_policy(bucket))
        self.stdout.write(f"{bucket}: renditions (images/) are public, everything else private.")
