/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-roles.h"
#include "gest-routing.h"
#include "gest-store.h"
#include "gest-tramite-rules.h"

G_BEGIN_DECLS

/* Helpers of gest-tramites-demo.c. */

/* A one-page PDF ("Comprobante de pago") with a correct cross-reference table. */
GBytes   *gest_tramites_demo_build_pdf     (void);
/* Stores it content-addressed in the store's files folder; returns its SHA-256 and size. */
gboolean  gest_tramites_demo_store_pdf     (GestStore  *store,
                                            char      **out_sha256,
                                            gint64     *out_size,
                                            GError    **error);
/* Raises the connection's page cache for a bulk insert; returns the previous setting. */
gint64    gest_tramites_demo_enlarge_cache (GestStore  *store);
void      gest_tramites_demo_restore_cache (GestStore  *store,
                                            gint64      previous);

#define GEST_TRAMITES_DEMO_DAY_USEC ((gint64) 86400 * G_USEC_PER_SEC)
#define GEST_TRAMITES_DEMO_MAX_YEARS 12

typedef struct
{
  GestStore    *store;
  GRand        *rand;
  sqlite3_stmt *insert_tramite;
  sqlite3_stmt *insert_document;
  sqlite3_stmt *insert_activity;
  GestRoutingSettings settings;
  char         *blob_sha256;
  gint64        blob_size;
  gint64        now;
  GDate         today;
  int           this_year;
  gint64        year_start[GEST_TRAMITES_DEMO_MAX_YEARS];   /* unix µs of 1 January of this_year - i */
  gint64        year_last[GEST_TRAMITES_DEMO_MAX_YEARS];    /* last folio number taken in that year */
  guint32       uuid_prefix;
  guint64       uuid_counter;
} GestTramitesDemo;

/* One row's values, filled by fill_row() and insert_row(). */
typedef struct
{
  char                  uuid[37];
  char                  proof_uuid[37];
  const char           *plan_uuid;
  const char           *plan_number;
  GestMoney             balance;
  GestMoney             overdue;
  GestMoney             installment;
  GestMoney             life_insurance;
  int                   step;
  gint64                created_at;
  gint64                step_since;
  GestRole              created_role;     /* who registered it: a demo user of that role */
  const char           *created_by;
  gboolean              with_timeline;
  /* Filled by insert_row() for the log. */
  const char           *folio;
  GestMoney             agreed_amount;
  const char           *agreed_date;      /* ISO */
  GestTramiteChecklist  checklist;
  GestMoney             payment_amount;
  const char           *payment_date;     /* ISO, NULL without payment */
  const char           *payment_reference;
  const char           *payment_reason;   /* a payment that departs: its reason, else NULL */
  gint64                docs_at, insurance_at, released_at, delivered_at, ack_at;
  const GestRoutingDecision *decision;
} GestTramitesDemoRow;

/* The log of a demo trámite (gest-tramites-demo-log.c): registration and routing, then each
 * step it went through and each checklist item, by a demo user of a role that may do it (Conauto's
 * steps by Conauto), in time order, hash-chained. */
gboolean  gest_tramites_demo_insert_log    (GestTramitesDemo          *demo,
                                            const GestTramitesDemoRow *row,
                                            GError                   **error);

G_END_DECLS
