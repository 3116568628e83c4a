"""allow a document to revert to an earlier text

An article edited back to an earlier wording (v1 -> v2 -> v1) is a new
version carrying v1's text, so (identity, content_hash) is no longer unique;
the latest version decides whether a text is new.  Downgrading fails if a
reverted article exists (its versions would break the old constraint).

Revision ID: 7e9dfb95332d
Revises: ceadcba05e01
Create Date: 2026-12-07 02:20:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = '7e9dfb95332d'
down_revision: str | None = 'ceadcba05e01'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_document_identity_content_hash'), type_='unique')


def downgrade() -> None:
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_document_identity_content_hash'),
                                          ['identity', 'content_hash'])
