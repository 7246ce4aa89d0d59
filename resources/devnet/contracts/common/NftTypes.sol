// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// Token interfaces the ERC-721 and ERC-1155 predicates call (docs/protocol.md "Every asset kind").

interface IERC721Like {
    function name() external view returns (string memory);
    function symbol() external view returns (string memory);
    function safeTransferFrom(address from, address to, uint256 tokenId) external;
}

interface IERC1155Like {
    function uri(uint256 id) external view returns (string memory);
    function safeTransferFrom(address from, address to, uint256 id, uint256 amount, bytes calldata data) external;
}

interface IChildERC721 {
    function initialize(address rootToken_, string calldata name_, string calldata symbol_) external;
    function predicate() external view returns (address);
    function rootToken() external view returns (address);
    function supportsInterface(bytes4 interfaceId) external view returns (bool);
    function mint(address account, uint256 tokenId) external returns (bool);
    function mintBatch(address[] calldata accounts, uint256[] calldata tokenIds) external returns (bool);
    function burn(address account, uint256 tokenId) external returns (bool);
    function burnBatch(address account, uint256[] calldata tokenIds) external returns (bool);
}

interface IChildERC1155 {
    function initialize(address rootToken_, string calldata uri_) external;
    function predicate() external view returns (address);
    function rootToken() external view returns (address);
    function supportsInterface(bytes4 interfaceId) external view returns (bool);
    function mint(address account, uint256 id, uint256 amount) external returns (bool);
    function mintBatch(address[] calldata accounts, uint256[] calldata tokenIds, uint256[] calldata amounts)
        external
        returns (bool);
    function burn(address from, uint256 id, uint256 amount) external returns (bool);
    function burnBatch(address from, uint256[] calldata tokenIds, uint256[] calldata amounts) external returns (bool);
}
