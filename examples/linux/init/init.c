/*
 * The test /init of examples/linux: prints one line that the boot tests
 * wait for, then powers the machine off (QEMU exits; under Xen, dom0's
 * power-off ends the hypervisor too).
 */
#include <stdio.h>
#include <sys/reboot.h>
#include <unistd.h>

int main(void) {
  printf("earlyinit-linux: /init reached, powering off\n");
  fflush(stdout);
  sync();
  reboot(RB_POWER_OFF);
  return 1; /* reboot failed: the kernel panics when init exits */
}
