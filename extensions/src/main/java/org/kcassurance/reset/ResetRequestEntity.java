package org.kcassurance.reset;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One MFA reset request, in Keycloak's own database (table KCA_RESET_REQUEST, created by
 * META-INF/kca-reset-changelog.xml). Only ResetResource writes it: no admin API reaches it, so an admin
 * who holds manage-users cannot forge an approval. {@code version} makes two approvals that meet
 * conflict instead of one overwriting the other.
 */
@Entity
@Table(name = "KCA_RESET_REQUEST")
@NamedQueries({
        @NamedQuery(name = "kcaResetByRealm", query = "select r from ResetRequestEntity r where r.realmId = :realmId order by r.createdAt desc"),
        @NamedQuery(name = "kcaResetById", query = "select r from ResetRequestEntity r where r.realmId = :realmId and r.id = :id"),
        @NamedQuery(name = "kcaResetExecutedFor", query = "select r.closedAt from ResetRequestEntity r where r.realmId = :realmId and r.userId = :userId"
                + " and r.status = 'EXECUTED' and r.closedAt >= :since order by r.closedAt desc"),
})
public class ResetRequestEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "REQUESTER_ID", length = 36, nullable = false)
    private String requesterId;

    @Column(name = "REASON", length = 1000, nullable = false)
    private String reason;

    @Column(name = "TICKET", length = 255, nullable = false)
    private String ticket;

    @Column(name = "PROOFING", length = 255)
    private String proofing;

    /** Factor names, comma-separated: totp, webauthn, passkey, recovery-codes. */
    @Column(name = "FACTORS", length = 255, nullable = false)
    private String factors;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    /** Approvals as "userId@epochSeconds", comma-separated, in order. */
    @Column(name = "APPROVED_BY", length = 2000)
    private String approvedBy;

    @Column(name = "CLOSED_AT")
    private Long closedAt;

    @Column(name = "CLOSED_BY", length = 36)
    private String closedBy;

    @Version
    @Column(name = "VERSION", nullable = false)
    private int version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getRequesterId() { return requesterId; }
    public void setRequesterId(String requesterId) { this.requesterId = requesterId; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getTicket() { return ticket; }
    public void setTicket(String ticket) { this.ticket = ticket; }
    public String getProofing() { return proofing; }
    public void setProofing(String proofing) { this.proofing = proofing; }
    public String getFactors() { return factors; }
    public void setFactors(String factors) { this.factors = factors; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(long expiresAt) { this.expiresAt = expiresAt; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getApprovedBy() { return approvedBy; }
    public void setApprovedBy(String approvedBy) { this.approvedBy = approvedBy; }

    /** One approval: who (user id) and when (epoch seconds). */
    public record Approval(String by, long at) {
    }

    /** The approvals, in order, read from APPROVED_BY. */
    public List<Approval> approvals() {
        if (approvedBy == null || approvedBy.isEmpty()) return List.of();
        return Arrays.stream(approvedBy.split(",")).map(a -> {
            int at = a.lastIndexOf('@');
            return new Approval(a.substring(0, at), Long.parseLong(a.substring(at + 1)));
        }).toList();
    }

    public void addApproval(String by, long at) {
        approvedBy = (approvedBy == null || approvedBy.isEmpty() ? "" : approvedBy + ",") + by + "@" + at;
    }
    public Long getClosedAt() { return closedAt; }
    public void setClosedAt(Long closedAt) { this.closedAt = closedAt; }
    public String getClosedBy() { return closedBy; }
    public void setClosedBy(String closedBy) { this.closedBy = closedBy; }
    public int getVersion() { return version; }
}
