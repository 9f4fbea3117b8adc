/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* A customer's vehicle (issue 12): the form's values, their checks (the VIN of src/core) and
 * the save: customers.edit, a VIN no other vehicle has, an active owner, a log entry. */

typedef enum
{
  GEST_VEHICLE_FIELD_VIN,
  GEST_VEHICLE_FIELD_MODEL,
  GEST_VEHICLE_FIELD_YEAR,
  GEST_VEHICLE_FIELD_KM,
  GEST_VEHICLE_FIELD_PLATE,
  GEST_N_VEHICLE_FIELDS
} GestVehicleField;

typedef struct
{
  char   *uuid;            /* NULL for a new vehicle */
  gint64  version;
  char   *customer_uuid;   /* the owner; required */
  char   *fields[GEST_N_VEHICLE_FIELDS];
} GestVehicleValues;

GestVehicleValues *gest_vehicle_values_new      (const char              *customer_uuid);
GestVehicleValues *gest_vehicle_values_copy     (const GestVehicleValues *values);
void               gest_vehicle_values_free     (GestVehicleValues       *values);
void               gest_vehicle_values_set      (GestVehicleValues       *values,
                                                 GestVehicleField         field,
                                                 const char              *text);
/* Pure: what is wrong with @field (translated), or NULL. VIN and model are required; the
 * year goes from 1950 to next year; the kilometres are a whole number. */
char              *gest_vehicle_field_problem   (const GestVehicleValues *values,
                                                 GestVehicleField         field);
gboolean           gest_vehicle_values_validate (const GestVehicleValues *values,
                                                 GestVehicleField        *out_field,
                                                 GError                 **error);
GestVehicleValues *gest_vehicle_load            (GestStore               *store,
                                                 const char              *uuid,
                                                 GError                 **error);
/* Creates or updates the vehicle (see gest_customer_save()); returns its uuid. */
char              *gest_vehicle_save            (GestStore               *store,
                                                 const GestVehicleValues *values,
                                                 GestVehicleField        *out_field,
                                                 GError                 **error);
void               gest_vehicle_save_async      (GestStore               *store,
                                                 const GestVehicleValues *values,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data);
char              *gest_vehicle_save_finish     (GestStore               *store,
                                                 GAsyncResult            *result,
                                                 GestVehicleField        *out_field,
                                                 GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestVehicleValues, gest_vehicle_values_free)

G_END_DECLS
