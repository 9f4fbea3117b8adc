/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-domain-module.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* The kinds of hit every module shares (the kind column of search_index). The modules add
 * theirs through GestDomainModule's get_search_kinds(). */
#define GEST_HIT_CUSTOMER "customer"
#define GEST_HIT_PLAN     "plan"
#define GEST_HIT_VEHICLE  "vehicle"

typedef struct
{
  const char  *kind;       /* static: the kind of its GestSearchKind */
  char        *uuid;
  char        *title;      /* customer name, plan number, VIN, a module's code */
  char        *subtitle;   /* the kind's label, then a line of context */
} GestSearchHit;

void       gest_search_hit_free (GestSearchHit *hit);

/* The label, icon and code query of @kind: a shared kind or a registered module's. NULL
 * when no one knows it (a kind of a module this version lacks). */
const GestSearchKind *gest_search_kind_lookup (const char *kind);

/* Global search (FTS5 over customers, plans, vehicles and the modules' records): prefix
 * matching of every word, accent-insensitive, at most @limit hits, best first. User text
 * never reaches the MATCH syntax unquoted. */
GPtrArray *gest_search_run      (GestStore   *store,
                                 const char  *text,
                                 guint        limit,
                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestSearchHit, gest_search_hit_free)

G_END_DECLS
