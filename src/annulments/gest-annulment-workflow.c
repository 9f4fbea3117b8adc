/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-annulment-workflow"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-annulment-workflow.h"

#define R(role) GEST_ROLE_BIT (GEST_ROLE_##role)
/* Customer service prepares and sends the request and files the memo; the seed's "Jefe
 * Servicio al cliente" approves and its "Coordinador Servicio al Cliente" registers the
 * customer and approves the re-invoicing. */
#define CS_STAFF (R (CS_ANALYST) | R (CS_HEAD) | R (CS_COORDINATOR))

static const GestPermission permissions[] = {
  { GEST_ANNULMENT_PERMISSION_REQUEST, N_("prepare and send annulment requests"), CS_STAFF },
  { GEST_ANNULMENT_PERMISSION_APPROVE, N_("approve an annulment"), R (CS_HEAD) },
  { GEST_ANNULMENT_PERMISSION_REGISTER, N_("register a customer in the annulled list"), R (CS_COORDINATOR) },
  { GEST_ANNULMENT_PERMISSION_REINVOICE, N_("approve a re-invoicing"), R (CS_COORDINATOR) },
  { GEST_ANNULMENT_PERMISSION_FILE, N_("file an annulment’s memo with billing"), CS_STAFF },
};

const GestPermission *
gest_annulment_permissions_get (guint *n_rows)
{
  *n_rows = G_N_ELEMENTS (permissions);
  return permissions;
}

const char *
gest_annulment_permission_for_stage (int stage)
{
  switch (stage)
    {
    case 1:
      return GEST_ANNULMENT_PERMISSION_REQUEST;
    case 2:
      return GEST_ANNULMENT_PERMISSION_APPROVE;
    case 3:
      return GEST_ANNULMENT_PERMISSION_REGISTER;
    case 4:
      return GEST_ANNULMENT_PERMISSION_REINVOICE;
    case 5:
      return GEST_ANNULMENT_PERMISSION_FILE;
    default:
      return NULL;
    }
}

const char *
gest_annulment_permission_for_field (const char *field)
{
  static const struct
  {
    const char *field;
    const char *permission;
  } fields[] = {
    { "approved_by", GEST_ANNULMENT_PERMISSION_APPROVE },
    { "approved_at", GEST_ANNULMENT_PERMISSION_APPROVE },
    { "registered_by", GEST_ANNULMENT_PERMISSION_REGISTER },
    { "registered_at", GEST_ANNULMENT_PERMISSION_REGISTER },
    { "reinvoice_approved_by", GEST_ANNULMENT_PERMISSION_REINVOICE },
    { "reinvoice_approved_at", GEST_ANNULMENT_PERMISSION_REINVOICE },
    { "filed_at", GEST_ANNULMENT_PERMISSION_FILE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (field, fields[i].field) == 0)
      return fields[i].permission;
  return GEST_ANNULMENT_PERMISSION_REQUEST;
}
