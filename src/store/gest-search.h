/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

typedef enum
{
  GEST_HIT_CUSTOMER,
  GEST_HIT_PLAN,
  GEST_HIT_VEHICLE,
  GEST_HIT_TRAMITE,
} GestHitKind;

typedef struct
{
  GestHitKind  kind;
  char        *uuid;
  char        *title;      /* customer name, plan number, VIN, folio */
  char        *subtitle;   /* a line of context */
} GestSearchHit;

void       gest_search_hit_free (GestSearchHit *hit);

/* Global search (FTS5 over customers, plans, vehicles and folios): prefix matching of every
 * word, accent-insensitive, at most @limit hits, best first. User text never reaches the
 * MATCH syntax unquoted. */
GPtrArray *gest_search_run      (GestStore   *store,
                                 const char  *text,
                                 guint        limit,
                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestSearchHit, gest_search_hit_free)

G_END_DECLS
