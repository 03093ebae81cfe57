package io.cqrsflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A scenario file of many commands for one crash cycle, ids unique to the cycle: new customers, orders,
 * payments, shipments and cancellations, with some invalid (an unknown order, shipping before paying) and
 * some conflicting (a stale {@code expectedVersion}) — the mix a class would send.
 */
final class LoadScenario {
    private LoadScenario() {
    }

    static Path write(Path file, int cycle, int steps, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder("{\"name\":\"crash cycle " + cycle + "\",\"projectors\":"
                + "{\"order-list\":{\"delayMs\":" + random.nextInt(300) + "},\"order-detail\":{\"delayMs\":0}},\"steps\":[");
        String p = "k" + cycle + "-";
        int customers = 0;
        int orders = 0;
        for (int i = 0; i < steps; i++) {
            String command;
            int pick = random.nextInt(20);
            String order = p + "o-" + (orders == 0 ? 0 : random.nextInt(orders));
            if (customers == 0 || pick == 0) {
                command = "{\"type\":\"RegisterCustomer\",\"customerId\":\"" + p + "c-" + customers++
                        + "\",\"name\":\"Customer " + customers + "\"}";
            } else if (orders == 0 || pick < 8) {
                command = "{\"type\":\"PlaceOrder\",\"orderId\":\"" + p + "o-" + orders++ + "\",\"customerId\":\"" + p + "c-"
                        + random.nextInt(customers) + "\",\"items\":[{\"sku\":\"BOOK-" + random.nextInt(9)
                        + "\",\"quantity\":" + (1 + random.nextInt(3)) + ",\"unitPrice\":\"12.50\"}]}";
            } else if (pick < 12) {
                command = "{\"type\":\"PayOrder\",\"orderId\":\"" + order + "\"}";
            } else if (pick < 15) {
                command = "{\"type\":\"ShipOrder\",\"orderId\":\"" + order + "\"}";
            } else if (pick < 17) {
                command = "{\"type\":\"CancelOrder\",\"orderId\":\"" + order + "\",\"reason\":\"changed mind\"}";
            } else if (pick < 19) {
                command = "{\"type\":\"PayOrder\",\"orderId\":\"" + p + "missing-" + i + "\"}"; // invalid: unknown order
            } else {
                command = "{\"type\":\"PayOrder\",\"orderId\":\"" + order + "\",\"expectedVersion\":0}"; // a conflict
            }
            b.append(i == 0 ? "" : ",").append("{\"atMs\":").append(i).append(",\"command\":").append(command).append('}');
        }
        Files.writeString(file, b.append("]}").toString());
        return file;
    }
}
