# Machine-load helpers shared by the bench/run-*.sh scripts (source it; needs $work and $wait_idle).
# cpu_ticks, children_cpu, busy_percent, measured (records into others_during), and
# wait_for_idle (waits up to $wait_idle seconds for < 5 % CPU busy, then sets pre1 to the 1-min load).
cpu_ticks() {  # busy and total jiffies of the machine since boot
  local cpu user nice system idle iowait irq softirq steal rest
  read -r cpu user nice system idle iowait irq softirq steal rest < /proc/stat
  echo "$((user + nice + system + irq + softirq + steal)) $((user + nice + system + idle + iowait + irq + softirq + steal))"
}
children_cpu() {  # CPU seconds used by this shell's finished children so far (`times` must run in this shell)
  awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); t += p[1] * 60 + p[2] } print t }' "$work/.times"
}
busy_percent() {  # share of the machine busy during the next $1 seconds
  local b0 t0 b1 t1
  read -r b0 t0 <<< "$(cpu_ticks)"
  sleep "$1"
  read -r b1 t1 <<< "$(cpu_ticks)"
  echo $(( t1 > t0 ? 100 * (b1 - b0) / (t1 - t0) : 0 ))
}
others_during=()
measured() {  # runs "$@"; records the share of the machine's CPU that other processes used meanwhile
  local b0 t0 b1 t1 c0 c1 hz
  hz=$(getconf CLK_TCK)
  times > "$work/.times"
  c0=$(children_cpu)
  read -r b0 t0 <<< "$(cpu_ticks)"
  "$@"
  read -r b1 t1 <<< "$(cpu_ticks)"
  times > "$work/.times"
  c1=$(children_cpu)
  others_during+=("$(awk -v b="$((b1 - b0))" -v t="$((t1 - t0))" -v own="$(awk -v a="$c0" -v b="$c1" 'BEGIN { print b - a }')" -v hz="$hz" \
    'BEGIN { o = t > 0 ? 100 * (b - own * hz) / t : 0; if (o < 0) o = 0; printf "%.0f", o }')")
}

wait_for_idle() {
  waited=0
  busy=$(busy_percent 2)
  while [ "$busy" -ge 5 ] && [ "$waited" -lt "$wait_idle" ]; do
    [ "$waited" -eq 0 ] && echo "== waiting up to ${wait_idle}s for an idle machine (${busy}% CPU busy)"
    busy=$(busy_percent 2)
    waited=$((waited + 2))
  done
  read -r pre1 _ < /proc/loadavg
}
