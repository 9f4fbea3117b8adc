/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GEST_ERROR (gest_error_quark ())

/* Errors a user can cause. Messages are translated and say what is wrong and how to fix it. */
typedef enum
{
  GEST_ERROR_INVALID,        /* bad input: amount, date, RFC, VIN, phone... */
  GEST_ERROR_NOT_FOUND,      /* no such folio, plan, customer... */
  GEST_ERROR_NEWER_SCHEMA,   /* database made by a newer Gestiona */
  GEST_ERROR_REFUSED,        /* a rule forbids it (step prerequisites, role) */
  GEST_ERROR_CONFLICT,       /* concurrent change */
  GEST_ERROR_STORE,          /* SQLite failure */
  GEST_ERROR_TAMPERED,       /* activity chain does not verify */
  GEST_ERROR_NETWORK,        /* SMTP/HTTP failure */
  GEST_ERROR_PERMISSION,     /* the signed-in user's role may not do it, or nobody signed in */
} GestError;

GQuark gest_error_quark (void);

/* The result of a validation that knows warnings (RFC and VIN check digits). */
typedef enum
{
  GEST_CHECK_VALID,
  GEST_CHECK_WARNING,
  GEST_CHECK_INVALID,
} GestCheck;

G_END_DECLS
