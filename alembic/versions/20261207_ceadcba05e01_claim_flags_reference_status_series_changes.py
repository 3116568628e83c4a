"""claim flags for the review queue, reference status for imported series, series changes

Revision ID: ceadcba05e01
Revises: ca9583b2fedb
Create Date: 2026-12-07 02:10:00

* claim.flag / claim.flag_note: the most urgent flag of the series checks,
  indexed (flag, as_of, id) so the queue reads each flag's newest claims
  straight off the index; (needs_review, as_of, id) likewise.
* series_change: families of series whose flags need recomputing.  One "*"
  row is added so the first refresh computes every claim's flags.
* figures of imported official series that no editor touched become
  status 'reference': they are the yardstick, not claims to review.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op

revision: str = 'ceadcba05e01'
down_revision: str | None = 'ca9583b2fedb'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'series_change',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('metric', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('location_key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('recorded_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_series_change')),
    )
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.add_column(sa.Column('flag', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('flag_note', sa.Text(), nullable=True))
        batch_op.create_index('ix_claim_flag', ['flag', 'as_of', 'id'], unique=False)
        batch_op.create_index('ix_claim_needs_review', ['needs_review', 'as_of', 'id'], unique=False)
    op.execute("UPDATE claim SET status = 'reference' WHERE extractor = 'import-series' AND status = 'unreviewed'")
    series_change = sa.table('series_change', sa.column('metric', sa.String()),
                             sa.column('location_key', sa.String()), sa.column('recorded_at', sa.DateTime()))
    op.execute(series_change.insert().values(metric='*', location_key='', recorded_at=sa.func.current_timestamp()))


def downgrade() -> None:
    op.execute("UPDATE claim SET status = 'unreviewed' WHERE status = 'reference'")
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_index('ix_claim_needs_review')
        batch_op.drop_index('ix_claim_flag')
        batch_op.drop_column('flag_note')
        batch_op.drop_column('flag')
    op.drop_table('series_change')
