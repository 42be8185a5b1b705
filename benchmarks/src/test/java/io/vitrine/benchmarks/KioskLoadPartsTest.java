package io.vitrine.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The kiosk load's measuring parts: where a sampled thread is put, and the process figures read from /proc and jstat. */
class KioskLoadPartsTest {

    private static final String DUMP = """
            2026-12-01 14:00:00
            Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6 mixed mode, sharing):

            "io-executor-thread-12" #80 daemon prio=5 os_prio=0 cpu=120.00ms elapsed=60.00s tid=0x1 nid=0x2 waiting on condition  [0x3]
               java.lang.Thread.State: TIMED_WAITING (parking)
            \tat jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
            \tat com.zaxxer.hikari.util.ConcurrentBag.borrow(ConcurrentBag.java:151)
            \tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)
            \tat io.vitrine.orders.OrderPlacement.place(OrderPlacement.java:90)

            "io-executor-thread-13" #81 daemon prio=5 os_prio=0 cpu=90.00ms elapsed=60.00s tid=0x1 nid=0x2 waiting on condition  [0x3]
               java.lang.Thread.State: WAITING (parking)
            \tat jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
            \tat java.util.concurrent.FutureTask.get(FutureTask.java:191)
            \tat org.elasticsearch.client.RestClient.performRequest(RestClient.java:288)
            \tat io.vitrine.catalog.search.ElasticsearchCatalogSearch.search(ElasticsearchCatalogSearch.java:120)
            \tat com.mysql.cj.jdbc.ConnectionImpl.commit(ConnectionImpl.java:1)

            "io-executor-thread-14" #82 daemon prio=5 os_prio=0 cpu=300.00ms elapsed=60.00s tid=0x1 nid=0x2 runnable  [0x3]
               java.lang.Thread.State: RUNNABLE
            \tat java.util.HashMap.get(HashMap.java:556)
            \tat io.vitrine.api.kiosk.KioskPage.home(KioskPage.java:80)

            "default-nioEventLoopGroup-1-3" #30 prio=10 os_prio=0 cpu=50.00ms elapsed=60.00s tid=0x1 nid=0x2 runnable  [0x3]
               java.lang.Thread.State: RUNNABLE
            \tat io.netty.channel.epoll.Native.epollWait(Native Method)
            \tat io.netty.channel.epoll.EpollEventLoop.run(EpollEventLoop.java:1)

            "HikariPool-1 housekeeper" #40 daemon prio=5 os_prio=0 cpu=5.00ms elapsed=60.00s tid=0x1 nid=0x2 waiting on condition  [0x3]
               java.lang.Thread.State: TIMED_WAITING (parking)
            \tat jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
            \tat com.zaxxer.hikari.pool.HikariPool$HouseKeeper.run(HikariPool.java:1)

            "VM Thread" os_prio=0 cpu=30.00ms elapsed=60.00s tid=0x1 nid=0x2 runnable
            """;

    @Test
    void a_thread_is_put_where_its_innermost_wait_is_and_pool_housekeeping_is_idle() {
        List<ThreadSampler.Seen> threads = ThreadSampler.parse(DUMP);
        assertThat(threads).as("the VM thread has no Java frame").hasSize(5);
        assertThat(threads).extracting(ThreadSampler.Seen::place).containsExactly(
                "waiting for a database connection (HikariCP pool)",
                "waiting on Elasticsearch (REST client)",
                "running (RUNNABLE, not in a wait)",
                "idle",
                "idle");
        assertThat(threads.get(0).pool()).isEqualTo("io-executor-thread-#");
        assertThat(threads.get(2).ourFrame()).startsWith("io.vitrine.api.kiosk.KioskPage.home");
    }

    @Test
    void this_process_cpu_memory_and_heap_are_read_from_outside() {
        ProcessCpu self = ProcessCpu.self();
        double before = self.cpuSeconds();
        long spin = 0;
        for (long i = 0; i < 300_000_000L; i++) {
            spin += i % 7;
        }
        assertThat(spin).isPositive();
        assertThat(self.cpuSeconds()).as("CPU time grows with work").isGreaterThan(before);
        assertThat(self.rssMib()).isGreaterThan(10);
        assertThat(ProcessCpu.machineBusySeconds()).isGreaterThan(0);
        JvmGauges heap = JvmGauges.of(self.pid());
        assertThat(heap.heapCapacityMib()).isGreaterThan(0);
        assertThat(heap.heapUsedMib()).isBetween(0.0, heap.heapCapacityMib());
        assertThat(new ProcessCpu(Long.MAX_VALUE).cpuSeconds()).as("a process that is gone reads 0").isZero();
    }
}
