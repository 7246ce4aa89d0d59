// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title NativeTransfer
/// @notice Devnet stand-in for Edge's native-transfer precompile at 0x…2020, placed there with
///         anvil_setCode. Edge's precompile sets native balances directly, which no EVM contract
///         can do to another account. This one checks what Edge checks (the caller is the native
///         token at 0x…1010; the sender holds the amount) and returns abi.encode(true), and logs the
///         move as NativeMove(from, to, amount); the devnet's native ledger applies each logged move
///         with anvil_setBalance within one tick (debit from unless it is 0, credit to unless it is
///         0). So on the devnet a native balance follows a bridge move a moment later, not in the
///         same transaction.
///           input  = abi.encode(address from, address to, uint256 amount)
///           output = abi.encode(bool)
contract NativeTransfer {
    address private constant NATIVE_TOKEN = 0x0000000000000000000000000000000000001010;

    event NativeMove(address indexed from, address indexed to, uint256 amount);

    fallback(bytes calldata input) external returns (bytes memory) {
        require(msg.sender == NATIVE_TOKEN, "NativeTransfer: only the native token");
        require(input.length == 96, "NativeTransfer: bad input");
        (address from, address to, uint256 amount) = abi.decode(input, (address, address, uint256));
        require(from == address(0) || from.balance >= amount, "NativeTransfer: insufficient balance");
        emit NativeMove(from, to, amount);
        return abi.encode(true);
    }
}
