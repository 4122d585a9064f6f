{{/* Chart name, overridable. */}}
{{- define "ninep.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-scoped name; a release called "ninep" gives Services "ninep" and "ninep-admin". */}}
{{- define "ninep.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "ninep.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ninep.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "ninep.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "ninep.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "ninep.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{- define "ninep.adminSecretName" -}}
{{- default (printf "%s-admin-token" (include "ninep.fullname" .)) .Values.admin.token.existingSecret }}
{{- end }}

{{/* The export served for an empty aname. */}}
{{- define "ninep.defaultExport" -}}
{{- default (first .Values.exports).name .Values.ninep.defaultExport }}
{{- end }}

{{/* Name of the chart-made claim shared by all replicas; takes (list $ export). */}}
{{- define "ninep.sharedClaimName" -}}
{{- $root := index . 0 }}
{{- printf "%s-%s" (include "ninep.fullname" $root) (index . 1).name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* True when the export is a local one whose volume comes from volumeClaimTemplates. */}}
{{- define "ninep.perReplicaClaim" -}}
{{- if and (eq .type "local") (not .persistence.existingClaim) (not .persistence.shared) }}true{{ end }}
{{- end }}

{{/* Refuses values that would render a broken or split-brain server. */}}
{{- define "ninep.validate" -}}
{{- $names := list }}
{{- range .Values.exports }}
{{- if has .name $names }}
{{- fail (printf "exports: the name %q is used twice" .name) }}
{{- end }}
{{- $names = append $names .name }}
{{- if and (gt (int $.Values.replicas) 1) (include "ninep.perReplicaClaim" .) }}
{{- fail (printf "exports[%s]: %d replicas would each serve their own volume; set persistence.existingClaim or persistence.shared (with ReadWriteMany)" .name (int $.Values.replicas)) }}
{{- end }}
{{- if and (gt (int $.Values.replicas) 1) (eq .type "local") .persistence.shared (not (has "ReadWriteMany" .persistence.accessModes)) }}
{{- fail (printf "exports[%s]: a claim shared by %d replicas needs the ReadWriteMany access mode" .name (int $.Values.replicas)) }}
{{- end }}
{{- end }}
{{- if not (has (include "ninep.defaultExport" .) $names) }}
{{- fail (printf "ninep.defaultExport %q names no export" (include "ninep.defaultExport" .)) }}
{{- end }}
{{- end }}

{{/*
The ninep.* settings as environment variables: SmallRye turns "." and "-" into "_" and matches the
result against the mapping. Export keys use the unquoted form (NINEP_EXPORTS_DEFAULT_TYPE): the quoted
one (NINEP_EXPORTS__DEFAULT__TYPE) names ninep.exports."default".type, which does not override the
image's ninep.exports.default.type.
*/}}
{{- define "ninep.env" -}}
- name: NINEP_PORT
  value: {{ .Values.ninep.port | int64 | quote }}
- name: QUARKUS_HTTP_PORT
  value: {{ .Values.ninep.httpPort | int64 | quote }}
- name: NINEP_MAX_MSIZE
  value: {{ .Values.ninep.maxMsize | int64 | quote }}
{{- with .Values.ninep.maxFids }}
- name: NINEP_MAX_FIDS
  value: {{ . | int64 | quote }}
{{- end }}
{{- with .Values.ninep.maxPending }}
- name: NINEP_MAX_PENDING
  value: {{ . | int64 | quote }}
{{- end }}
{{- with .Values.ninep.maxConnections }}
- name: NINEP_MAX_CONNECTIONS
  value: {{ . | int64 | quote }}
{{- end }}
{{- with .Values.ninep.workerThreads }}
- name: NINEP_WORKER_THREADS
  value: {{ . | int64 | quote }}
{{- end }}
{{- with .Values.ninep.workerConcurrency }}
- name: NINEP_WORKER_CONCURRENCY
  value: {{ . | int64 | quote }}
{{- end }}
{{- with .Values.ninep.workerStallThreshold }}
- name: NINEP_WORKER_STALL_THRESHOLD
  value: {{ . | quote }}
{{- end }}
{{- with .Values.ninep.versionTimeout }}
- name: NINEP_VERSION_TIMEOUT
  value: {{ . | quote }}
{{- end }}
{{- with .Values.ninep.idleTimeout }}
- name: NINEP_IDLE_TIMEOUT
  value: {{ . | quote }}
{{- end }}
{{- with .Values.ninep.memoryBudget }}
- name: NINEP_MEMORY_BUDGET
  value: {{ . | int64 | quote }}
{{- end }}
{{- with .Values.ninep.connectionMemoryLimit }}
- name: NINEP_CONNECTION_MEMORY_LIMIT
  value: {{ . | int64 | quote }}
{{- end }}
{{- with .Values.ninep.writeStallTimeout }}
- name: NINEP_WRITE_STALL_TIMEOUT
  value: {{ . | quote }}
{{- end }}
- name: NINEP_DEFAULT_EXPORT
  value: {{ include "ninep.defaultExport" . | quote }}
{{- $names := list }}
{{- range .Values.exports }}
{{- $names = append $names .name }}
{{- $prefix := printf "NINEP_EXPORTS_%s_" (upper .name) }}
- name: {{ $prefix }}TYPE
  value: {{ .type | quote }}
{{- if eq .type "local" }}
- name: {{ $prefix }}PATH
  value: {{ printf "/exports/%s" .name | quote }}
{{- end }}
- name: {{ $prefix }}READ_ONLY
  value: {{ .readOnly | default false | quote }}
{{- with .multidevs }}
- name: {{ $prefix }}MULTIDEVS
  value: {{ . | quote }}
{{- end }}
{{- if and (eq .type "memory") .capacity }}
- name: {{ $prefix }}CAPACITY
  value: {{ .capacity | int64 | quote }}
{{- end }}
{{- end }}
{{- if not (has "default" $names) }}
{{- /* The image configures a local export "default" at /exports/default, which no variable can remove
and no volume backs here: shrink it to an empty read-only one in memory. */}}
- name: NINEP_EXPORTS_DEFAULT_TYPE
  value: "memory"
- name: NINEP_EXPORTS_DEFAULT_READ_ONLY
  value: "true"
- name: NINEP_EXPORTS_DEFAULT_CAPACITY
  value: "1"
{{- end }}
- name: NINEP_ADMIN_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "ninep.adminSecretName" . }}
      key: {{ .Values.admin.token.secretKey }}
- name: NINEP_SHUTDOWN_TIMEOUT
  value: {{ printf "%ds" (int .Values.shutdown.timeoutSeconds) | quote }}
- name: QUARKUS_SHUTDOWN_TIMEOUT
  value: {{ printf "%ds" (int .Values.shutdown.timeoutSeconds) | quote }}
- name: JAVA_OPTS_APPEND
  value: {{ printf "-XX:MaxRAMPercentage=%v -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager %s" .Values.jvm.maxRamPercentage .Values.jvm.extraOptions | trim | quote }}
{{- with .Values.ninep.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Pod security context: the chosen one, or root (keeping fsGroup) when clients own files. */}}
{{- define "ninep.podSecurityContext" -}}
{{- $sc := deepCopy .Values.podSecurityContext }}
{{- if .Values.clientOwnership.enabled }}
{{- $_ := set $sc "runAsNonRoot" false }}
{{- $_ = set $sc "runAsUser" 0 }}
{{- end }}
{{- if lt (int .Values.ninep.port) 1024 }}
{{- $_ := set $sc "sysctls" (list (dict "name" "net.ipv4.ip_unprivileged_port_start" "value" (toString (int64 .Values.ninep.port)))) }}
{{- end }}
{{- toYaml $sc }}
{{- end }}

{{- define "ninep.securityContext" -}}
{{- $sc := deepCopy .Values.securityContext }}
{{- if .Values.clientOwnership.enabled }}
{{- $_ := set $sc "runAsNonRoot" false }}
{{- $_ = set $sc "runAsUser" 0 }}
{{- $_ = set $sc "capabilities" (dict "drop" (list "ALL") "add" .Values.clientOwnership.capabilities) }}
{{- end }}
{{- toYaml $sc }}
{{- end }}
