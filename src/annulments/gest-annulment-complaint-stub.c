/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TEMPORARY: until wip-complaints-core lands, so the annulments link. Deleted at the merge. */
#include "config.h"

#include "gest-complaint.h"

gboolean
gest_complaint_link_annulment (GestStore   *store,
                               const char  *uuid,
                               const char  *annulment_uuid,
                               GError     **error)
{
  sqlite3_stmt *stmt = gest_store_prepare (store, "UPDATE complaints SET annulment_uuid = ?2 WHERE uuid = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, annulment_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || gest_store_set_error (store, error);
}

gboolean
gest_complaint_annulment_filed (GestStore   *store,
                                const char  *uuid,
                                const char  *annulment_folio,
                                GError     **error)
{
  sqlite3_stmt *stmt = gest_store_prepare (store, "UPDATE complaints SET stage = 6 WHERE uuid = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || gest_store_set_error (store, error);
}
