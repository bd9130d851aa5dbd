import { onScopeDispose, readonly, ref, type Ref } from 'vue'

// One shared clock for every chip that counts down or says "2 min ago", not one timer per row.
const now = ref(Date.now())
let users = 0
let timer: ReturnType<typeof setInterval> | undefined

export function useNow(): Readonly<Ref<number>> {
  if (users === 0) {
    now.value = Date.now()
    timer = setInterval(() => (now.value = Date.now()), 1_000)
  }
  users += 1
  onScopeDispose(() => {
    users -= 1
    if (users === 0) clearInterval(timer)
  })
  return readonly(now)
}
